/**
 * The one schema for the course's platform facts (lib/facts/facts.ts).
 *
 * A fact is anything the course states about a platform that can move: a limit, a default, a price, a
 * date, a version, an error text. Lessons render it with `<Fact id="…" />` (lib/mdx/remark-facts.mjs), so
 * it is written once; the Sources page lists every fact with its source and the date it was checked; the
 * content checks (lib/content/fact-checks.ts) fail when a check date is too old or a page retypes a value.
 * Every `.describe()` text is documentation for whoever adds or re-checks a fact.
 */
import { z } from 'zod'

/** How long a check stays good: after this, `npm run check:content` asks for the fact to be re-checked. */
export const FACT_FRESHNESS_MONTHS = 6

export const FACT_TOPICS = [
  'Next.js',
  'Vercel',
  'AWS',
  'PostgreSQL',
  'node-postgres',
  'Prisma',
  'Neon',
  'Supabase',
  'PgBouncer',
  'Firebase',
  'PlanetScale',
  'BullMQ',
] as const

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD, e.g. "2026-12-07".')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Not a calendar date.')

export const factSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case words joined by hyphens, e.g. "vercel-default-duration".')
      .describe(
        'What pages write in `<Fact id="…" />`. Never rename one that is in use: the build fails on an unknown id.',
      ),
    topic: z.enum(FACT_TOPICS).describe('The platform the fact belongs to: the Sources page groups by it.'),
    value: z
      .string()
      .min(1)
      .describe(
        'What `<Fact id="…" />` prints inside a sentence: the figure with its unit or the exact text, e.g. "300 s" or "16.2". Write it so it reads in the middle of a sentence.',
      ),
    statement: z
      .string()
      .min(20)
      .describe(
        'The fact as one complete sentence (Markdown allowed: `code`). Shown on the Sources page and printed by `<Fact id="…" statement />`.',
      ),
    changed: z
      .string()
      .min(20)
      .optional()
      .describe(
        'What moved since the article was written, as one sentence: it becomes a line of every "What changed since the article" box on a page that uses the fact. Leave it out when the article already had it right.',
      ),
    source: z
      .object({
        title: z
          .string()
          .min(3)
          .describe('The source as a reader would name it, e.g. "Vercel docs: Configuring maximum duration".'),
        url: z
          .string()
          .url()
          .startsWith('https://', 'Link the source over https.')
          .describe("Primary source first: the vendor's docs, changelog or code."),
      })
      .strict(),
    checked: isoDate.describe(
      `The day someone last compared \`statement\` with \`source\` (YYYY-MM-DD). The content check fails ${FACT_FRESHNESS_MONTHS} months later: re-check the source, fix the fact if it moved, and update the date.`,
    ),
    handwritten: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Regular expressions (case-insensitive) for the ways a page might retype this fact by hand, e.g. "\\\\b300 ?(s|seconds)\\\\b". The content check reports each match in a page\'s prose (code and front matter are skipped) and asks for `<Fact id="…" />` instead. A bare number ("100") is too common to match alone: write it next to its keyword, e.g. "max_connections\\\\W{1,4}(is |of )?(typically )?100\\\\b", and set `matchInlineCode` so the keyword\'s `code` span counts.',
      ),
    matchInlineCode: z
      .boolean()
      .optional()
      .describe(
        'Also look for `handwritten` inside inline `code` spans (their text, without the backticks). Set it for error texts, which pages quote in code, and for a number matched next to a keyword written in code (`max_connections`). Fenced code blocks are never searched: a transcript of what the lab printed may quote the text.',
      ),
  })
  .strict()

export type Fact = z.infer<typeof factSchema>

export const factsSchema = z
  .array(factSchema)
  .superRefine((facts, context) => {
    const seen = new Set<string>()
    facts.forEach((fact, index) => {
      if (seen.has(fact.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `Duplicate fact id "${fact.id}": each fact is stated once.`,
        })
      }
      seen.add(fact.id)
      for (const pattern of fact.handwritten ?? []) {
        try {
          new RegExp(pattern, 'i')
        } catch (error) {
          context.addIssue({
            code: 'custom',
            path: [index, 'handwritten'],
            message: `Not a regular expression: ${(error as Error).message}`,
          })
        }
      }
    })
  })
  .describe('Every platform fact the course states, each once.')
