/** Types of prisma-generate.mjs (plain JavaScript, see there). */
export { PRISMA_SCHEMA } from './prisma-schema-path.mjs'
export declare const GENERATED_PREFIX: string
export declare function generatePrismaClient(schema: string, label: string): Record<string, string>
export declare function generatedProjectDir(schema: string, label: string): string
