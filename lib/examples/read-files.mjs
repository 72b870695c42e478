// Reads an example folder from disk. Plain JavaScript on purpose: the MDX plugin and the webpack
// loader run in Node during `next build`, before any TypeScript transform is available.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative, sep } from 'node:path'
import { generatePrismaClient, PRISMA_SCHEMA } from './prisma-generate.mjs'

/** Files of an example folder that are not part of the reader's project. */
const NOT_PROJECT_FILES = [/^meta\.ts$/, /^solution\//, /\.test\.ts$/, /^README\.md$/]

/** Editor tab order when the meta does not list files: routes first, then libraries, then data and config. */
const FOLDER_ORDER = ['pages/', 'app/', 'proxy.ts', 'middleware.ts', 'lib/', 'db/']

function walk(dir, root, out) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, root, out)
    else out.push(relative(root, full).split(sep).join('/'))
  }
  return out
}

function rank(path) {
  const index = FOLDER_ORDER.findIndex((prefix) => path.startsWith(prefix))
  return index === -1 ? FOLDER_ORDER.length : index
}

export function sortFileNames(names) {
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/**
 * @param {string} exampleDir absolute path of `examples/<id>`
 * @returns {{ files: Record<string, string>, solution: Record<string, string> | null }}
 *   `files` is the starter tree; `solution` holds only the files the solution adds or replaces.
 */
export function readExampleFiles(exampleDir) {
  const files = {}
  for (const name of sortFileNames(walk(exampleDir, exampleDir, []))) {
    if (NOT_PROJECT_FILES.some((pattern) => pattern.test(name))) continue
    files[name] = readFileSync(join(exampleDir, name), 'utf8')
  }
  // A Prisma example's client is generated from its schema, as `prisma generate` does in a real project.
  if (files[PRISMA_SCHEMA] !== undefined) {
    Object.assign(files, generatePrismaClient(files[PRISMA_SCHEMA], `examples/${basename(exampleDir)}/${PRISMA_SCHEMA}`))
  }
  const solutionDir = join(exampleDir, 'solution')
  let solution = null
  if (existsSync(solutionDir)) {
    solution = {}
    for (const name of sortFileNames(walk(solutionDir, solutionDir, []))) {
      solution[name] = readFileSync(join(solutionDir, name), 'utf8')
    }
  }
  return { files, solution }
}

/**
 * A short fingerprint of the starter files. The browser stores it with the reader's edits, so a later
 * visit can tell that the lesson's example changed since the reader edited it.
 * @param {Record<string, string>} files
 */
export function hashFiles(files) {
  const hash = createHash('sha256')
  for (const name of Object.keys(files).sort()) hash.update(`${name}\0${files[name]}\0`)
  return hash.digest('hex').slice(0, 16)
}

/** Example ids are folder names under `examples/` that hold a `meta.ts`. */
export function listExampleIds(examplesDir) {
  if (!existsSync(examplesDir)) return []
  return readdirSync(examplesDir)
    .filter((name) => existsSync(join(examplesDir, name, 'meta.ts')))
    .sort()
}
