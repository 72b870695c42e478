// Where a Prisma example keeps its schema. Plain JavaScript: the build's loaders, the tests and the lab worker all read it.
export const PRISMA_SCHEMA = 'prisma/schema.prisma'
