import { listTodos } from '@/lib/todos'

// Previous caching model (no cacheComponents): cache this response for up to 10 minutes.
// After that, the next request gets the stale copy while one background run refreshes it.
export const revalidate = 600

export async function GET() {
  return Response.json(await listTodos())
}
