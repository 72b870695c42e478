import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/generated/prisma/client'

export async function GET() {
  // The mistake: a new PrismaClient, and with it a new pg pool, for every request.
  // Nothing ever calls $disconnect(), so each request's connection stays open.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) })
  const todos = await prisma.todo.findMany({ orderBy: { id: 'asc' }, take: 20 })
  return Response.json(todos)
}
