/**
 * `npm run new:lesson`: everything a new lesson needs so that it builds and passes the checks before its
 * author writes a word. The page is a draft (`draft: true`): check:content refuses drafts unless told
 * `--allow-drafts`, so one can never land by accident.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { LESSON_SECTIONS } from './site-pages'

export type LessonSection = (typeof LESSON_SECTIONS)[number]

export interface LessonRequest {
  section: string
  title: string
  slug: string
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** Problems with a request, phrased for the person typing it; empty when it can be scaffolded. */
export function validateLessonRequest(root: string, request: LessonRequest): string[] {
  const problems: string[] = []
  if (!(LESSON_SECTIONS as readonly string[]).includes(request.section)) {
    problems.push(`--section must be one of: ${LESSON_SECTIONS.join(', ')} (got "${request.section}").`)
  }
  if (request.title.trim().length < 3)
    problems.push('--title needs at least three characters, e.g. "Read replicas and stale reads".')
  if (!SLUG.test(request.slug))
    problems.push(`--slug must be lower-case words joined by hyphens, e.g. read-replicas (got "${request.slug}").`)
  if (problems.length) return problems
  const page = `pages/${request.section}/${request.slug}.mdx`
  if (existsSync(join(root, page))) problems.push(`${page} already exists: pick another --slug.`)
  if (existsSync(join(root, 'examples', request.slug)))
    problems.push(`examples/${request.slug}/ already exists: pick another --slug.`)
  return problems
}

export function slugFromTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function writeNew(root: string, path: string, content: string, written: string[]) {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), content)
  written.push(path)
}

/** Adds the page to its section's `_meta.ts`, creating the file for a section's first lesson. */
function registerInMeta(root: string, request: LessonRequest, written: string[]) {
  const metaPath = `pages/${request.section}/_meta.ts`
  const entry = `  '${request.slug}': ${JSON.stringify(request.title).replace(/^"|"$/g, "'")},`
  const full = join(root, metaPath)
  if (!existsSync(full)) {
    writeNew(root, metaPath, `// Lessons of this section, in reading order.\nexport default {\n${entry}\n}\n`, written)
    return
  }
  const source = readFileSync(full, 'utf8')
  const closing = source.lastIndexOf('}')
  if (closing === -1) throw new Error(`${metaPath} has no object to add the lesson to; add '${request.slug}' by hand.`)
  const before = source.slice(0, closing).replace(/\s*$/, '')
  const needsComma = !before.endsWith(',') && !before.endsWith('{')
  writeFileSync(full, `${before}${needsComma ? ',' : ''}\n${entry}\n${source.slice(closing)}`)
  written.push(metaPath)
}

export function scaffoldLesson(root: string, request: LessonRequest): string[] {
  const problems = validateLessonRequest(root, request)
  if (problems.length) throw new Error(problems.join('\n'))
  const { section, title, slug } = request
  const written: string[] = []
  writeNew(root, `pages/${section}/${slug}.mdx`, lessonPage(request), written)
  registerInMeta(root, request, written)
  for (const [path, content] of Object.entries(starterExample(title)))
    writeNew(root, `examples/${slug}/${path}`, content, written)
  writeNew(root, `tests/unit/lessons/${slug}.test.ts`, lessonTest(slug), written)
  return written
}

function lessonPage({ title, slug }: LessonRequest): string {
  return `---
title: ${JSON.stringify(title)}
description: ${JSON.stringify(`A lesson on ${title.toLowerCase()}: what happens, why, and what to do about it.`)}
draft: true
---

import { Callout } from 'nextra/components'
import { Lab } from '@/components/Lab'

# ${title}

Open with the problem in the reader's terms: what they built, what they saw go wrong, and the question this
lesson answers. Then explain the idea in your own words (700 to 1,500 words in all) around the lab below.

<Lab example="${slug}" />

<Callout type="info">
**What changed since the article.** Say plainly what is different today, with a link to the official source.
</Callout>

## Exercise

<Lab example="${slug}" />

## Key takeaways

- The one idea a reader should keep.

## Further reading

- [Next.js route handlers](https://nextjs.org/docs/app/api-reference/file-conventions/route)
`
}

function starterExample(title: string): Record<string, string> {
  return {
    'meta.ts': `import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: ${JSON.stringify(title)},
  description: 'A list route and a missing detail route: the exercise adds it.',
  files: { active: 'app/api/items/route.ts' },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'List, then one item, then a missing one',
      scenario: {
        requests: [
          { at: 0, method: 'GET', path: '/api/items' },
          { at: 100, method: 'GET', path: '/api/items/1' },
          { at: 200, method: 'GET', path: '/api/items/999' },
        ],
      },
    },
  ],
  // The starter has no detail route yet, so the last request answers 404 for the wrong reason.
  expect: { status: 404 },
  exercise: {
    goal: 'Add GET /api/items/[id]: 200 with the item when it exists, 404 when it does not.',
    checks: [
      { type: 'request-status', method: 'GET', path: '/api/items/1', status: 200, label: 'GET /api/items/1 answers 200' },
      { type: 'request-status', method: 'GET', path: '/api/items/999', status: 404, label: 'GET /api/items/999 answers 404' },
      { type: 'no-status-class', class: 5, label: 'No 5xx responses' },
    ],
  },
} satisfies ExampleMetaInput
`,
    'lib/db.ts': `import 'server-only'
import { Pool } from 'pg'

// One pool per instance, created when the module is first imported.
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 })
`,
    'app/api/items/route.ts': `import { pool } from '@/lib/db'

export async function GET() {
  const { rows } = await pool.query('SELECT id, name FROM items ORDER BY id')
  return Response.json(rows)
}
`,
    'db/schema.sql': `CREATE TABLE items (
  id serial PRIMARY KEY,
  name text NOT NULL
);
`,
    'db/seed.sql': `INSERT INTO items (name) VALUES ('first'), ('second');
`,
    '.env': `DATABASE_URL=postgres://app:secret@db.internal:5432/app
`,
    'solution/app/api/items/[id]/route.ts': `import { z } from 'zod'
import { pool } from '@/lib/db'

const Id = z.coerce.number().int().positive()

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Id.safeParse((await params).id)
  if (!id.success) return Response.json({ error: 'id must be a positive integer' }, { status: 400 })
  const { rows } = await pool.query('SELECT id, name FROM items WHERE id = $1', [id.data])
  if (rows.length === 0) return Response.json({ error: 'Not found' }, { status: 404 })
  return Response.json(rows[0])
}
`,
  }
}

function lessonTest(slug: string): string {
  return `import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

// Assert here every number the lesson quotes from its lab.
it('the starter answers as its meta expects', async () => {
  const { files, meta } = await loadExample('${slug}')
  const outcome = await engine.run({ files, scenario: buildScenario(meta, meta.defaultPreset) })
  if (!outcome.ok) throw new Error(outcome.error.message)
  expect(outcome.requests.at(-1)?.status).toBe(meta.expect.status)
})
`
}
