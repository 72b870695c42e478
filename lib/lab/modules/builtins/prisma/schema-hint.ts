/**
 * The lab cannot run `prisma generate` (the course's build does), so a reader who edits
 * `prisma/schema.prisma` is told that the client still follows the schema it was generated from.
 */
import type { FileTree } from '../../../types'
import { PRISMA_SCHEMA } from './names'

const INLINE_SCHEMA = /"inlineSchema":\s*("(?:[^"\\]|\\.)*")/

/** The hint to print, or undefined when the schema is the one the generated client embeds (or there is none). */
export function staleSchemaHint(files: FileTree): string | undefined {
  const schema = files[PRISMA_SCHEMA]
  if (schema === undefined) return undefined
  const generated = Object.entries(files).find(
    ([path, text]) => path.endsWith('/internal/class.ts') && INLINE_SCHEMA.test(text),
  )
  const embedded = generated && (JSON.parse(INLINE_SCHEMA.exec(generated[1])![1]) as string)
  if (embedded === undefined || embedded === schema) return undefined
  return `[lab hint] ${PRISMA_SCHEMA} was edited, but the lab cannot run \`prisma generate\`: the Prisma Client still follows the schema it was generated from when the course was built. Change queries and client options here; run \`npx prisma generate\` in a local project for a new schema.`
}
