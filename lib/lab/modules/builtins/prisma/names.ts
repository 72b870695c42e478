/**
 * The module names a Prisma ORM 7 project needs at run time, and how the engine tells that a project
 * is one. Kept apart from `runtime.ts` so the engine's own chunk carries these few names and never the
 * Prisma runtime: that loads (`load.ts`) only for a project that imports one of them.
 */

/** The generated client (`prisma-client` generator) imports the first three; the reader imports the adapter. */
export const PRISMA_MODULES = [
  '@prisma/client/runtime/client',
  '@prisma/client/runtime/query_compiler_fast_bg.postgresql.js',
  '@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.js',
  '@prisma/adapter-pg',
  // Imported by the generated `browser.ts` entry (types and enums for client components), never by a route.
  '@prisma/client/runtime/index-browser',
] as const

/** Where a Prisma example keeps its schema (lib/examples/prisma-generate.mjs generates the client from it). */
export { PRISMA_SCHEMA } from '@/lib/examples/prisma-schema-path.mjs'

const NAMES = new Set<string>(PRISMA_MODULES)

/** Whether any compiled module of the project requires a Prisma module. */
export function usesPrisma(compiled: Iterable<{ specifiers: string[] }>): boolean {
  for (const mod of compiled) if (mod.specifiers.some((s) => NAMES.has(s))) return true
  return false
}
