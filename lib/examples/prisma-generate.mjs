// Generates an example's Prisma Client from its `prisma/schema.prisma`, with the real `prisma` CLI
// (`prisma generate`, `prisma-client` generator), at build time: for `next build`, the tests and
// examples/verify alike. Plain JavaScript for the same reason as read-files.mjs.
//
// Offline and safe: the CLI fetches the native schema engine before `generate` although generate
// never runs it (it parses the schema with the WebAssembly module in the `prisma` package).
// PRISMA_SCHEMA_ENGINE_BINARY names a local file instead (prisma-no-schema-engine.mjs, which fails
// loudly if anything does run it), so nothing is downloaded; CHECKPOINT_DISABLE turns off the
// CLI's update check. The output is cached in the OS temp folder by the schema, the tsconfig and
// Prisma's version.
//
// Beside the schema lies the tsconfig.json of the reader's Next.js project (lib/download/next-tsconfig.mjs),
// as in a real project: the `prisma-client` generator reads it to choose how the generated files import
// each other. With `moduleResolution: "bundler"` they import without an extension (`./enums`), which
// `next build`'s type check accepts; with no tsconfig they would import `./enums.ts`, which needs
// `allowImportingTsExtensions` (TS5097). So the lab, examples/verify and a downloaded project's own
// `npx prisma generate` all get the same files.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

import { NEXT_TSCONFIG } from '../download/next-tsconfig.mjs'
import { PRISMA_SCHEMA } from './prisma-schema-path.mjs'

export { PRISMA_SCHEMA }
const require = createRequire(import.meta.url)
const NO_SCHEMA_ENGINE = fileURLToPath(new URL('./prisma-no-schema-engine.mjs', import.meta.url))

function walk(dir, root, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, root, out)
    else out.push(relative(root, full).split(sep).join('/'))
  }
  return out
}

/**
 * @param {string} schema the text of `prisma/schema.prisma`
 * @param {string} label where the schema comes from, for error messages
 * @returns {Record<string, string>} the generated files, by path from the example's root
 */
export function generatePrismaClient(schema, label) {
  const cacheDir = generatedProjectDir(schema, label)
  const files = {}
  for (const name of walk(cacheDir, cacheDir)) files[name] = readFileSync(join(cacheDir, name), 'utf8')
  return files
}

/** Folders that hold generated clients (the type check resolves their imports from the repository). */
export const GENERATED_PREFIX = join(tmpdir(), 'robust-apis-prisma-client-')

/**
 * Generates (once) and returns the folder that stands for the example's root, holding only what
 * `prisma generate` wrote (e.g. `generated/prisma/client.ts`).
 * @param {string} schema
 * @param {string} label
 */
export function generatedProjectDir(schema, label) {
  const cliPackage = require.resolve('prisma/package.json')
  const version = JSON.parse(readFileSync(cliPackage, 'utf8')).version
  const tsconfig = JSON.stringify(NEXT_TSCONFIG, null, 2) + '\n'
  const key = createHash('sha256').update(`${version}\0${tsconfig}\0${schema}`).digest('hex').slice(0, 16)
  const cacheDir = `${GENERATED_PREFIX}${version}-${key}`
  if (!existsSync(cacheDir)) {
    const work = mkdtempSync(join(tmpdir(), 'robust-apis-prisma-generate-'))
    try {
      mkdirSync(join(work, 'prisma'))
      writeFileSync(join(work, PRISMA_SCHEMA), schema)
      writeFileSync(join(work, 'tsconfig.json'), tsconfig)
      const cli = join(cliPackage, '..', 'build', 'index.js')
      const result = spawnSync(process.execPath, [cli, 'generate', '--schema', PRISMA_SCHEMA], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: NO_SCHEMA_ENGINE, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      })
      if (result.status !== 0) {
        throw new Error(`${label}: prisma generate failed (exit ${result.status}):\n${result.stderr || result.stdout}`)
      }
      rmSync(join(work, 'prisma'), { recursive: true })
      rmSync(join(work, 'tsconfig.json'))
      try {
        renameSync(work, cacheDir)
      } catch (error) {
        // Another process cached the same schema first: its copy is identical.
        if (!existsSync(cacheDir)) throw error
      }
    } finally {
      if (existsSync(work)) rmSync(work, { recursive: true, force: true })
    }
  }
  return cacheDir
}
