import { listTodos } from '@/lib/todos'

// Not cached: since Next.js 15 a GET handler runs on every request unless you opt in.
export async function GET() {
  return Response.json(await listTodos())
}
