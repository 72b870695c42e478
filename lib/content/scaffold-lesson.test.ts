import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateChecks } from '@/lib/examples/checks'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import { formatProblem } from './problem'
import { runContentChecks } from './run-checks'
import { scaffoldLesson, validateLessonRequest } from './scaffold-lesson'

const engine = createTestEngine()
let root: string

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'new-lesson-'))
  // A copy of the content the checks read; the scaffolder writes into it, never into the repository.
  cpSync('pages', join(root, 'pages'), { recursive: true })
  cpSync('public', join(root, 'public'), { recursive: true })
  cpSync('examples', join(root, 'examples'), {
    recursive: true,
    filter: (source) => !source.includes('examples/verify'),
  })
  await engine.ready()
})

afterAll(async () => {
  rmSync(root, { recursive: true, force: true })
  await engine.close()
})

describe('npm run new:lesson', () => {
  const request = { section: 'where-they-hurt', title: 'Read replicas and stale reads', slug: 'read-replicas' }

  it('refuses a request it cannot scaffold, saying what to type instead', () => {
    expect(validateLessonRequest(root, { section: 'elsewhere', title: 'x', slug: 'Bad Slug' })).toEqual([
      expect.stringMatching(/--section must be one of: why-api-routes-work, where-they-hurt/),
      expect.stringMatching(/--title needs at least three characters/),
      expect.stringMatching(/--slug must be lower-case words joined by hyphens/),
    ])
  })

  it('creates a lesson that passes the content checks as a draft, and only as a draft', async () => {
    const written = scaffoldLesson(root, request)
    expect(written).toEqual(
      expect.arrayContaining([
        'pages/where-they-hurt/read-replicas.mdx',
        'pages/where-they-hurt/_meta.ts',
        'examples/read-replicas/meta.ts',
        'examples/read-replicas/solution/app/api/items/[id]/route.ts',
        'tests/unit/lessons/read-replicas.test.ts',
      ]),
    )
    expect(readFileSync(join(root, 'pages/where-they-hurt/_meta.ts'), 'utf8')).toContain(
      "'read-replicas': 'Read replicas and stale reads'",
    )

    // Only what the new lesson brings is judged here; the repository's own state is check:content's job.
    const aboutTheLesson = (problems: string[]) => problems.filter((problem) => problem.includes('read-replicas'))
    const asDraft = await runContentChecks(root, { allowDrafts: true })
    expect(aboutTheLesson(asDraft.problems.map(formatProblem))).toEqual([])
    const strict = await runContentChecks(root)
    expect(aboutTheLesson(strict.problems.map(formatProblem))).toEqual([
      expect.stringMatching(/read-replicas\.mdx:\d+: is a draft/),
    ])
  })

  it('refuses to overwrite a lesson that exists', () => {
    expect(() => scaffoldLesson(root, request)).toThrow(/already exists/)
  })

  it('creates a starter example that runs as its meta expects, with an exercise the solution completes', async () => {
    const example = await loadExample('read-replicas', { examplesDir: join(root, 'examples') })
    const scenario = buildScenario(example.meta, example.meta.defaultPreset)
    const starter = await engine.run({ files: example.files, scenario })
    if (!starter.ok) throw new Error(starter.error.message)
    expect(starter.requests.at(-1)?.status).toBe(example.meta.expect.status)
    expect(evaluateChecks(example.meta.exercise!.checks, starter).some((verdict) => !verdict.pass)).toBe(true)

    const solved = await engine.run({ files: example.solution!, scenario })
    if (!solved.ok) throw new Error(solved.error.message)
    expect(evaluateChecks(example.meta.exercise!.checks, solved).every((verdict) => verdict.pass)).toBe(true)
  })
})
