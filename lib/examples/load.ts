/**
 * Node loader for examples: reads `examples/<id>/` from disk, validates its meta and returns
 * everything a test or the build needs. The browser never imports this file (it uses
 * `lib/examples/files-loader.cjs` through a lazy chunk instead).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { hashFiles, listExampleIds, readExampleFiles } from './read-files.mjs'
import { ExampleMetaError, resolveExampleMeta, type ResolvedExampleMeta } from './schema'
import type { FileTree } from '@/lib/lab/types'

export const EXAMPLES_DIR = resolve(import.meta.dirname ?? __dirname, '../../examples')

export interface LoadedExample {
  id: string
  dir: string
  meta: ResolvedExampleMeta
  /** The starter tree, exactly as the reader first sees it. */
  files: FileTree
  /** Files the solution adds or replaces (null when the example has no solution). */
  solutionFiles: FileTree | null
  /** The starter tree with the solution applied (null when there is none). */
  solution: FileTree | null
  /** Fingerprint of the starter files (see `hashFiles`). */
  hash: string
}

export function listExamples(examplesDir = EXAMPLES_DIR): string[] {
  return listExampleIds(examplesDir)
}

/** Imports `meta.ts`; the build passes its own importer because it runs outside any TypeScript loader. */
export type MetaImporter = (metaPath: string) => Promise<{ default?: unknown }>

const importWithNode: MetaImporter = (metaPath) => import(/* @vite-ignore */ pathToFileURL(metaPath).href)

export async function loadExample(
  id: string,
  { examplesDir = EXAMPLES_DIR, importMeta = importWithNode }: { examplesDir?: string; importMeta?: MetaImporter } = {},
): Promise<LoadedExample> {
  const dir = join(examplesDir, id)
  const metaPath = join(dir, 'meta.ts')
  if (!existsSync(metaPath)) {
    const ids = listExampleIds(examplesDir)
    throw new ExampleMetaError(
      `There is no example "${id}" (expected examples/${id}/meta.ts). Available examples: ${ids.join(', ') || 'none'}.`,
    )
  }
  const module = await importMeta(metaPath)
  if (module.default === undefined) {
    throw new ExampleMetaError(`examples/${id}/meta.ts: add \`export default { … } satisfies ExampleMetaInput\`.`)
  }
  const { files, solution: solutionFiles } = readExampleFiles(dir)
  const meta = resolveExampleMeta(id, module.default, Object.keys(files), `examples/${id}/meta.ts`)
  if (solutionFiles && !meta.exercise) {
    throw new ExampleMetaError(`examples/${id}/meta.ts: the example has a solution/ folder but no \`exercise\`; add one or remove the folder.`)
  }
  return {
    id,
    dir,
    meta,
    files,
    solutionFiles,
    solution: solutionFiles ? { ...files, ...solutionFiles } : null,
    hash: hashFiles(files),
  }
}
