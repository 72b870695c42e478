import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/generated/prisma/client'

// 100 requests on Fluid start 4 instances (30 requests each at most). 4 instances × max 4 = 16
// connections: within the 17 an ordinary role may open, with 4 of the 20 left for migrations and
// your own session. The requests wait their turn for a connection instead of failing.
export const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 4 }),
})
