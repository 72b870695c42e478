// Module shapes the packages do not declare for these entry points (see package-sources.ts).
declare module '@prisma/adapter-pg?raw' {
  const text: string
  export default text
}
declare module '@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs'
