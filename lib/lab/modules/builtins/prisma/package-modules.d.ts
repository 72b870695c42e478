// Module shapes the packages do not declare for these entry points (see package-sources*.ts).
declare module 'lab-prisma-adapter-pg-source?raw' {
  const text: string
  export default text
}
declare module '@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs'
