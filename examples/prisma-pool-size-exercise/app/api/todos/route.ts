import { prisma } from '@/lib/prisma'

export async function GET() {
  // Borrows a connection from the instance's pool for this one query and gives it back.
  const todos = await prisma.todo.findMany({ orderBy: { id: 'asc' }, take: 20 })
  return Response.json(todos)
}
