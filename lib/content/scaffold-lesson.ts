/**
 * `npm run new:lesson`: everything a new lesson needs so that it builds and passes the checks before its
 * author writes a word. The page is a draft (`draft: true`): check:content refuses drafts unless told
 * `--allow-drafts`, so one can never land by accident.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { LESSON_WORDS } from './content-checks'
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
  for (const id of [request.slug, exerciseId(request.slug)]) {
    if (existsSync(join(root, 'examples', id))) problems.push(`examples/${id}/ already exists: pick another --slug.`)
  }
  return problems
}

export function slugFromTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function writeNew(root: string, path: string, content: string, written: ScaffoldResult) {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), content)
  written.created.push(path)
}

/** Adds the page to its section's `_meta.ts`, creating the file for a section's first lesson. */
function registerInMeta(root: string, request: LessonRequest, written: ScaffoldResult) {
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
  written.updated.push(metaPath)
}

export interface ScaffoldResult {
  created: string[]
  updated: string[]
}

/** The id of the lesson's exercise example: its own example, so each lab is embedded once. */
export const exerciseId = (slug: string) => `${slug}-exercise`

export function scaffoldLesson(root: string, request: LessonRequest): ScaffoldResult {
  const problems = validateLessonRequest(root, request)
  if (problems.length) throw new Error(problems.join('\n'))
  const { section, slug } = request
  const written: ScaffoldResult = { created: [], updated: [] }
  writeNew(root, `pages/${section}/${slug}.mdx`, lessonPage(request), written)
  registerInMeta(root, request, written)
  for (const [path, content] of Object.entries(starterExample(request)))
    writeNew(root, `examples/${slug}/${path}`, content, written)
  for (const [path, content] of Object.entries(exerciseExample(request)))
    writeNew(root, `examples/${exerciseId(slug)}/${path}`, content, written)
  writeNew(root, `tests/unit/lessons/${slug}.test.ts`, lessonTest(slug), written)
  return written
}

/** What the scaffolder cannot do for the author, in the order to do it; printed after it ran. */
export function nextSteps({ section, slug }: LessonRequest): string[] {
  return [
    `Write the lesson in pages/${section}/${slug}.mdx (${LESSON_WORDS.min.toLocaleString('en-GB')}–${LESSON_WORDS.max.toLocaleString('en-GB')} words of prose) and reshape examples/${slug}/ and examples/${exerciseId(slug)}/ to show its point.`,
    `Introduce the lesson in the section overview, pages/${section}.mdx: a part ending with **In the lesson:** [Title](/${section}/${slug}/), and the counts in its prose ("five ways", "five places").`,
    'Recap it in the wrap-up, pages/wrap-up.mdx: a row in the lessons table, and the count ("the ten lessons"); the introduction (pages/index.mdx) and pages/decide.mdx count the lessons too.',
    'Check the facts: print every platform figure with <Fact id="…" /> from lib/facts/facts.ts (a new fact goes there, with its primary source and the date you checked it), say what moved in the lesson\'s <WhatChanged> box, and update lib/decision-tree/tree.ts (its sources and answers) if the lesson changes a verdict.',
    `Assert every number the lesson quotes in tests/unit/lessons/${slug}.test.ts.`,
    `Run \`npm run check\` after each edit (\`npm run check:content -- --allow-drafts\` while it is a draft: the content checks name each of the steps above that is still open), and remove \`draft: true\` when it is done.`,
  ]
}

/** "Idempotency keys for POST routes" → "idempotency keys for POST routes": only a capitalised first word is lowered. */
export function inSentence(title: string): string {
  const [first = '', ...rest] = title.split(' ')
  const lowered = /^[A-Z][a-z]/.test(first) ? first[0].toLowerCase() + first.slice(1) : first
  return [lowered, ...rest].join(' ')
}

function lessonPage({ title, slug }: LessonRequest): string {
  return `---
title: ${JSON.stringify(title)}
description: ${JSON.stringify(`A lesson on ${inSentence(title)}: what happens, why, and what to do about it.`)}
draft: true
---

import { Lab } from '@/components/Lab'

# ${title}

Open with the problem in the reader's terms: what they built, what they saw go wrong, and the question this
lesson answers. Then explain the idea in your own words (${LESSON_WORDS.min.toLocaleString('en-GB')} to ${LESSON_WORDS.max.toLocaleString('en-GB')} words in all) around the lab below.

<Lab example="${slug}" />

<WhatChanged>
Say plainly what is different today. Print every platform figure with \`<Fact id="…" />\` from \`lib/facts/facts.ts\` (add
the fact there, with its source and check date, if it is new): the box then lists what moved, with sources.
</WhatChanged>

## Exercise

<Lab example="${exerciseId(slug)}" />

## Key takeaways

- The one idea a reader should keep.

## Further reading

- [Next.js route handlers](https://nextjs.org/docs/app/api-reference/file-conventions/route)
`
}

const DB = `import 'server-only'
import { Pool } from 'pg'

// One pool per instance, created when the module is first imported.
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 })
`

const SCHEMA = `CREATE TABLE records (
  id serial PRIMARY KEY,
  name text NOT NULL
);
`

const SEED = `INSERT INTO records (name) VALUES ('first'), ('second');
`

const ENV = `DATABASE_URL=postgres://app:secret@db.internal:5432/app
`

const LIST_AND_CREATE = `import { z } from 'zod'
import { pool } from '@/lib/db'

const NewRecord = z.object({ name: z.string().trim().min(1, 'name is required') })

export async function GET() {
  const { rows } = await pool.query('SELECT id, name FROM records ORDER BY id')
  return Response.json(rows)
}

export async function POST(request: Request) {
  const parsed = NewRecord.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ issues: parsed.error.issues }, { status: 400 })
  const { rows } = await pool.query('INSERT INTO records (name) VALUES ($1) RETURNING id, name', [parsed.data.name])
  return Response.json(rows[0], { status: 201 })
}
`

/** A neutral starting point (list and create, validated, one pool per instance) for the author to reshape. */
function starterExample({ title }: LessonRequest): Record<string, string> {
  return {
    'meta.ts': `import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: ${JSON.stringify(title)},
  description: 'A route that lists records and creates one: reshape it to show the lesson\\'s point.',
  files: { active: 'app/api/records/route.ts' },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'List, create, list again',
      scenario: {
        requests: [
          { at: 0, method: 'GET', path: '/api/records' },
          { at: 100, method: 'POST', path: '/api/records', body: { name: 'third' } },
          { at: 200, method: 'GET', path: '/api/records' },
        ],
      },
    },
  ],
  expect: { status: 200 },
} satisfies ExampleMetaInput
`,
    'lib/db.ts': DB,
    'app/api/records/route.ts': LIST_AND_CREATE,
    'db/schema.sql': SCHEMA,
    'db/seed.sql': SEED,
    '.env': ENV,
  }
}

/** The exercise: the same records, without the detail route the reader adds. */
function exerciseExample({ title }: LessonRequest): Record<string, string> {
  return {
    'meta.ts': `import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: ${JSON.stringify(`Exercise: ${inSentence(title)}`)},
  description: 'A list route without a detail route: the exercise adds it.',
  files: { active: 'app/api/records/route.ts' },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'List, then one record, then a missing one',
      scenario: {
        requests: [
          { at: 0, method: 'GET', path: '/api/records' },
          { at: 100, method: 'GET', path: '/api/records/1' },
          { at: 200, method: 'GET', path: '/api/records/999' },
        ],
      },
    },
  ],
  // The starter has no detail route yet, so the last request answers 404 for the wrong reason.
  expect: { status: 404 },
  exercise: {
    goal: 'Add GET /api/records/[id]: 200 with the record when it exists, 404 when it does not.',
    checks: [
      { type: 'request-status', method: 'GET', path: '/api/records/1', status: 200, label: 'GET /api/records/1 answers 200' },
      { type: 'request-status', method: 'GET', path: '/api/records/999', status: 404, label: 'GET /api/records/999 answers 404' },
      { type: 'no-status-class', class: 5, label: 'No 5xx responses' },
    ],
    hints: [
      'The list lives in app/api/records/route.ts. A detail route is a folder named after its parameter: app/api/records/[id]/route.ts.',
      'Read the id from the second argument of GET ({ params }, awaited), and pass it to the query as $1.',
      'No row means no such record: answer 404 with a short JSON error, otherwise answer the row.',
    ],
  },
} satisfies ExampleMetaInput
`,
    'lib/db.ts': DB,
    'app/api/records/route.ts': `import { pool } from '@/lib/db'

export async function GET() {
  const { rows } = await pool.query('SELECT id, name FROM records ORDER BY id')
  return Response.json(rows)
}
`,
    'db/schema.sql': SCHEMA,
    'db/seed.sql': SEED,
    '.env': ENV,
    'solution/app/api/records/[id]/route.ts': `import { z } from 'zod'
import { pool } from '@/lib/db'

const Id = z.coerce.number().int().positive()

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Id.safeParse((await params).id)
  if (!id.success) return Response.json({ error: 'id must be a positive integer' }, { status: 400 })
  const { rows } = await pool.query('SELECT id, name FROM records WHERE id = $1', [id.data])
  if (rows.length === 0) return Response.json({ error: 'Not found' }, { status: 404 })
  return Response.json(rows[0])
}
`,
  }
}

function lessonTest(slug: string): string {
  return `import { afterAll, beforeAll, expect, it } from 'vitest'
import { evaluateChecks } from '@/lib/examples/exercise-checks'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

// Assert here every number the lesson quotes from its labs.
it("the lesson's example answers as its meta expects", async () => {
  const { files, meta } = await loadExample('${slug}')
  const outcome = await engine.run({ files, scenario: buildScenario(meta, meta.defaultPreset) })
  if (!outcome.ok) throw new Error(outcome.error.message)
  expect(outcome.requests.map((request) => request.status)).toEqual([200, 201, 200])
})

it("the exercise's solution passes every check", async () => {
  const { solution, meta } = await loadExample('${slug}-exercise')
  const outcome = await engine.run({
    files: solution!,
    scenario: buildScenario(meta, meta.exercise?.preset ?? meta.defaultPreset),
  })
  if (!outcome.ok) throw new Error(outcome.error.message)
  expect(evaluateChecks(meta.exercise!.checks, outcome).filter((verdict) => !verdict.pass)).toEqual([])
})
`
}
