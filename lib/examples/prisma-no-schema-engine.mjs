#!/usr/bin/env node
// Stands in for Prisma's schema engine while `prisma generate` runs (lib/examples/prisma-generate.mjs).
// The Prisma CLI downloads that native binary before `generate`, `validate`, `format` and other
// commands, whether or not the command uses it; `generate` does not: it reads the schema with the
// WebAssembly build bundled in the `prisma` package. Pointing PRISMA_SCHEMA_ENGINE_BINARY at this
// file skips the download. Anything that really needs the schema engine (migrate, db push) fails here.
console.error('The Prisma schema engine is not installed here; this project only runs `prisma generate`. Run migrations with the real `prisma` CLI on your machine.')
process.exit(1)
