export declare const PRISMA_SCHEMA: 'prisma/schema.prisma'
