/**
 * What a downloaded Prisma ORM 7 project needs around the lab's files. The lab ships the client that
 * `prisma generate` wrote (lib/examples/prisma-generate.mjs) as hidden files; a project generates its own,
 * as Prisma's docs say, so the zip leaves the generator's output folder out (and ignores it in git),
 * lists the `prisma` CLI, and runs `prisma generate` after `npm install` (`postinstall`). The project's
 * tsconfig.json (next-tsconfig.mjs) is the one the lab generated beside, so the files are the same.
 */
import type { FileTree } from '@/lib/lab/types'
import { PRISMA_SCHEMA } from '@/lib/examples/prisma-schema-path.mjs'

/** The Node.js versions the `prisma` 7.10.1 CLI accepts (its package.json `engines`), narrower than Next.js 16's `>=20.9`. */
export const PRISMA_NODE_ENGINES = '^20.19 || ^22.12 || >=24.0'

export interface PrismaProject {
  /** The `prisma-client` generator's output folder, from the project root (e.g. `generated/prisma`). */
  output: string
}

/** The project's Prisma setup, or null when it has no `prisma/schema.prisma` with a `prisma-client` generator `output`. */
export function prismaProject(files: FileTree): PrismaProject | null {
  const schema = files[PRISMA_SCHEMA]
  if (schema === undefined) return null
  for (const block of schema.matchAll(/^\s*generator\s+\w+\s*\{([^}]*)\}/gm)) {
    const body = block[1]
    if (!/^\s*provider\s*=\s*"prisma-client"/m.test(body)) continue
    const output = /^\s*output\s*=\s*"([^"]+)"/m.exec(body)
    if (!output) return null
    // `output` is relative to the schema's folder. (No node:path: this runs in the browser too.)
    const parts: string[] = PRISMA_SCHEMA.split('/').slice(0, -1)
    for (const part of output[1].split('/')) {
      if (part === '..') {
        if (!parts.pop()) return null
      } else if (part && part !== '.') parts.push(part)
    }
    return parts.length ? { output: parts.join('/') } : null
  }
  return null
}

/** Whether `path` is a file `prisma generate` writes (left out of the zip). */
export function isGeneratedByPrisma(project: PrismaProject, path: string): boolean {
  return path.startsWith(`${project.output}/`)
}
