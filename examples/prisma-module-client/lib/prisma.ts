import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/generated/prisma/client'

// One client per instance, created when this module is first evaluated (during the cold start).
// The adapter hands these options to a pg Pool: max is the most connections one instance holds,
// so the database sees at most instances × max.
function createClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 5 }) })
}

// `next dev` evaluates this module again on every hot reload; without the global, each reload
// would leave another client and pool behind. In production a module is evaluated once per
// instance, so this changes nothing there.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient }
export const prisma = globalForPrisma.prisma ?? createClient()
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma
