import { parse as parseYaml } from 'yaml'
import { z } from 'zod'

/**
 * Front matter every page carries. Section and order are not here on purpose: they come from the
 * `_meta.ts` files (Nextra's source of truth for the sidebar), and word count is measured, not declared.
 */
export const pageFrontmatterSchema = z
  .object({
    title: z
      .string()
      .min(3)
      .max(80)
      .describe('The page title: the browser tab, search results and Open Graph title. Sentence case.'),
    description: z
      .string()
      .min(40)
      .max(240)
      .describe(
        'One or two sentences saying what the reader gets from the page; used for search engines and link previews.',
      ),
    sidebarTitle: z.string().optional().describe('A shorter title for the sidebar, when the page title is long.'),
    searchable: z.boolean().optional().describe("Nextra's switch to leave a page out of the site search."),
    image: z.string().optional().describe('An Open Graph image for this page instead of the site default.'),
    draft: z
      .boolean()
      .optional()
      .describe(
        'Set by `npm run new:lesson` while a lesson is being written: a draft may be short, and check:content refuses it unless run with --allow-drafts, so it never lands.',
      ),
  })
  .strict()

export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>

export interface FrontmatterBlock {
  data: unknown
  /** Lines the block occupies, including both `---` fences (0 when there is none). */
  lineCount: number
  error?: string
}

export function readFrontmatter(source: string): FrontmatterBlock {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source)
  if (!match) return { data: undefined, lineCount: 0 }
  const lineCount = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0)
  try {
    return { data: parseYaml(match[1]) ?? {}, lineCount }
  } catch (error) {
    return { data: undefined, lineCount, error: (error as Error).message.split('\n')[0] }
  }
}
