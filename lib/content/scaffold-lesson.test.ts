import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateChecks } from '@/lib/examples/exercise-checks'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import { formatProblem } from './problem'
import { runContentChecks } from './run-checks'
import { inSentence, nextSteps, scaffoldLesson, validateLessonRequest } from './scaffold-lesson'

const engine = createTestEngine()
let root: string
/** The content problems and lesson counts before the scaffolder runs. */
const before = {
  problems: [] as string[],
  lessons: 0,
  includes: (problem: string) => before.problems.includes(problem),
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'new-lesson-'))
  // A copy of the content the checks read; the scaffolder writes into it, never into the repository.
  cpSync('pages', join(root, 'pages'), { recursive: true })
  cpSync('public', join(root, 'public'), { recursive: true })
  cpSync('examples', join(root, 'examples'), {
    recursive: true,
    filter: (source) => !source.includes('examples/verify'),
  })
  // Measured on the repository, whose content the copy is: vitest caches a _meta.ts module by its path, so
  // checking the copy itself before the scaffolder edits its _meta.ts would hide the edit.
  const report = await runContentChecks(process.cwd(), { allowDrafts: true })
  before.problems = report.problems.map(formatProblem)
  // Sub-lessons (pages/<section>/<lesson>/<page>.mdx) continue a lesson and are not counted as one.
  before.lessons = report.lessons.filter((lesson) => lesson.file.split('/').length === 3).length
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

  it('creates the lesson, its two examples and its test, and says which file it only updated', async () => {
    const written = scaffoldLesson(root, request)
    expect(written).toEqual({
      created: [
        'pages/where-they-hurt/read-replicas.mdx',
        'examples/read-replicas/meta.ts',
        'examples/read-replicas/lib/db.ts',
        'examples/read-replicas/app/api/records/route.ts',
        'examples/read-replicas/db/schema.sql',
        'examples/read-replicas/db/seed.sql',
        'examples/read-replicas/.env',
        'examples/read-replicas-exercise/meta.ts',
        'examples/read-replicas-exercise/lib/db.ts',
        'examples/read-replicas-exercise/app/api/records/route.ts',
        'examples/read-replicas-exercise/db/schema.sql',
        'examples/read-replicas-exercise/db/seed.sql',
        'examples/read-replicas-exercise/.env',
        'examples/read-replicas-exercise/solution/app/api/records/[id]/route.ts',
        'tests/unit/lessons/read-replicas.test.ts',
      ],
      updated: ['pages/where-they-hurt/_meta.ts'],
    })
    expect(readFileSync(join(root, 'pages/where-they-hurt/_meta.ts'), 'utf8')).toContain(
      "'read-replicas': 'Read replicas and stale reads'",
    )
    const page = readFileSync(join(root, 'pages/where-they-hurt/read-replicas.mdx'), 'utf8')
    expect(page.match(/<Lab example="read-replicas" \/>/g)).toHaveLength(1)
    expect(page.match(/<Lab example="read-replicas-exercise" \/>/g)).toHaveLength(1)
  })

  it('keeps the casing of the title', () => {
    expect(inSentence('Idempotency keys for POST routes')).toBe('idempotency keys for POST routes')
    expect(inSentence('ISR and caching')).toBe('ISR and caching')
    scaffoldLesson(root, { section: 'where-they-hurt', title: 'Idempotency keys for POST routes', slug: 'idempotency' })
    expect(readFileSync(join(root, 'pages/where-they-hurt/idempotency.mdx'), 'utf8')).toContain(
      'description: "A lesson on idempotency keys for POST routes: what happens, why, and what to do about it."',
    )
    rmSync(join(root, 'pages/where-they-hurt/idempotency.mdx'))
    rmSync(join(root, 'examples/idempotency'), { recursive: true })
    rmSync(join(root, 'examples/idempotency-exercise'), { recursive: true })
    writeFileSync(
      join(root, 'pages/where-they-hurt/_meta.ts'),
      readFileSync(join(root, 'pages/where-they-hurt/_meta.ts'), 'utf8').replace(
        "  'idempotency': 'Idempotency keys for POST routes',\n",
        '',
      ),
    )
  })

  it('leaves a draft whose remaining problems are the steps its "Next:" message lists, each at a line', async () => {
    const steps = nextSteps(request).join('\n')
    for (const place of [
      'pages/where-they-hurt.mdx',
      'pages/wrap-up.mdx',
      'lib/decision-tree/tree.ts',
      'lib/facts/facts.ts',
      '<WhatChanged>',
    ])
      expect(steps).toContain(place)

    // Only what the new lesson brings is judged: the copy's own state is check:content's job on the repository.
    const asDraft = (await runContentChecks(root, { allowDrafts: true })).problems
      .map(formatProblem)
      .filter((problem) => !before.includes(problem))
    const lessons = before.lessons + 1
    // The section's overview and the Introduction no longer count its lessons in words ("five ways"): it has
    // six lessons for the article's five weaknesses (Prisma has its own), so only the course-wide counts fire.
    expect(asDraft, asDraft.join('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^pages/where-they-hurt\\.mdx:\\d+: does not link the section's lesson pages/where-they-hurt/read-replicas\\.mdx`,
          ),
        ),
        expect.stringMatching(
          new RegExp(`^pages/wrap-up\\.mdx:\\d+: does not recap the lesson pages/where-they-hurt/read-replicas\\.mdx`),
        ),
        expect.stringMatching(
          new RegExp(`^pages/wrap-up\\.mdx:\\d+: says "\\w+ lessons", but the course has ${lessons} lessons`),
        ),
      ]),
    )
    const strict = (await runContentChecks(root)).problems.map(formatProblem)
    expect(strict).toContainEqual(expect.stringMatching(/read-replicas\.mdx:\d+: is a draft/))
  })

  it('as a command: --help, an unknown option, and what it prints after scaffolding', () => {
    // The command itself, from a folder holding only the pages: it writes there, as into a contributor's clone.
    const cli = (cwd: string, ...args: string[]) =>
      spawnSync(
        join(process.cwd(), 'node_modules/.bin/tsx'),
        ['--tsconfig', join(process.cwd(), 'tsconfig.json'), join(process.cwd(), 'scripts/new-lesson.ts'), ...args],
        { cwd, encoding: 'utf8' },
      )
    const help = cli(process.cwd(), '--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Usage:\n {2}npm run new:lesson /m)
    expect(help.stdout).toContain('--section  why-api-routes-work | where-they-hurt')
    const typo = cli(process.cwd(), '--sectoin', 'where-they-hurt')
    expect(typo.status).toBe(1)
    expect(typo.stderr).toContain('Unknown option --sectoin. Did you mean "--section"? See --help.')

    const clone = mkdtempSync(join(tmpdir(), 'new-lesson-cli-'))
    try {
      cpSync('pages', join(clone, 'pages'), { recursive: true })
      const run = cli(clone, '--section', 'where-they-hurt', '--title', 'Idempotency keys for POST routes')
      expect(run.status, run.stderr).toBe(0)
      expect(run.stdout).toContain('  created pages/where-they-hurt/idempotency-keys-for-post-routes.mdx\n')
      expect(run.stdout).toContain('  created examples/idempotency-keys-for-post-routes-exercise/meta.ts\n')
      expect(run.stdout).toContain('  updated pages/where-they-hurt/_meta.ts\n')
      expect(run.stdout).not.toContain('created pages/where-they-hurt/_meta.ts')
      const next = run.stdout.slice(run.stdout.indexOf('\nNext:\n'))
      for (const place of ['pages/where-they-hurt.mdx', 'pages/wrap-up.mdx', 'lib/facts/facts.ts'])
        expect(next).toContain(place)
      expect(readFileSync(join(clone, 'pages/where-they-hurt/_meta.ts'), 'utf8')).toContain(
        "'idempotency-keys-for-post-routes': 'Idempotency keys for POST routes'",
      )
    } finally {
      rmSync(clone, { recursive: true, force: true })
    }
  })

  it('refuses to overwrite a lesson that exists', () => {
    expect(() => scaffoldLesson(root, request)).toThrow(/already exists/)
  })

  it('creates examples that run as their metas expect, and an exercise the solution completes', async () => {
    const lesson = await loadExample('read-replicas', { examplesDir: join(root, 'examples') })
    const run = await engine.run({
      files: lesson.files,
      scenario: buildScenario(lesson.meta, lesson.meta.defaultPreset),
    })
    if (!run.ok) throw new Error(run.error.message)
    expect(run.requests.map((response) => response.status)).toEqual([200, 201, 200])
    expect(lesson.meta.exercise).toBeUndefined()

    const example = await loadExample('read-replicas-exercise', { examplesDir: join(root, 'examples') })
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
