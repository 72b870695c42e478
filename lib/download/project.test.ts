import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { listExamples, loadExample, type LoadedExample } from '@/lib/examples/load'
import { envExample, generateProject, importedPackages, LOCAL_DATABASE_URL, zipProject } from './project'
import type { ChecksFile } from './checks-json'

const verifyPackage = JSON.parse(readFileSync('examples/verify/package.json', 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const LESSON = 'https://course.example/where-they-hurt/cold-starts-and-connection-pooling/'
const examples: LoadedExample[] = await Promise.all(
  listExamples()
    .filter((id) => id !== 'verify')
    .map((id) => loadExample(id)),
)
const work = mkdtempSync(join(tmpdir(), 'download-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('generateProject, for every example', () => {
  it.each(examples.map((example) => [example.id, example] as const))('%s', (_id, example) => {
    const project = generateProject({
      id: example.id,
      meta: example.meta,
      files: example.files,
      edited: false,
      lessonUrl: LESSON,
    })
    for (const path of Object.keys(example.files)) {
      if (path.startsWith('.env')) expect(project.files[path], `${path} is not shipped`).toBeUndefined()
      else expect(project.files[path], path).toBe(example.files[path])
    }
    const pkg = JSON.parse(project.files['package.json']) as {
      dependencies: Record<string, string>
      devDependencies: Record<string, string>
      scripts: Record<string, string>
    }
    // Exactly the versions examples/verify proves, for everything the files import.
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }))
      expect(version, name).toBe(verifyPackage.dependencies[name] ?? verifyPackage.devDependencies[name])
    for (const name of importedPackages(example.files)) expect(pkg.dependencies[name], name).toBeDefined()
    expect(pkg.dependencies['@electric-sql/pglite-socket']).toBe(
      verifyPackage.dependencies['@electric-sql/pglite-socket'],
    )
    expect(pkg.scripts.dev).toBe('node scripts/with-db.mjs next dev')
    expect(Object.keys(project.files)).toEqual(
      expect.arrayContaining([
        'tsconfig.json',
        'next.config.ts',
        '.env.example',
        'db/schema.sql',
        'db/seed.sql',
        'README.md',
      ]),
    )
    const checks = JSON.parse(project.files['scripts/checks.json']) as ChecksFile
    expect(checks.requests.length).toBeGreaterThan(0)
    expect(checks.checks.length + checks.labOnly.length).toBeGreaterThan(0)
    expect(project.files['README.md']).toContain(LESSON)
    expect(project.files['README.md']).toContain('npm install && npm run dev')
    expect(project.files['README.md']).toContain('npm run check')
    expect(project.files['README.md']).toContain('What the lab simulated that a laptop does not')
  })
})

describe('checks.json', () => {
  const checksOf = (id: string) => {
    const example = examples.find((candidate) => candidate.id === id)!
    const project = generateProject({ id, meta: example.meta, files: example.files, edited: false, lessonUrl: LESSON })
    return JSON.parse(project.files['scripts/checks.json']) as ChecksFile
  }

  it('judges the status the lab expects, with the whole preset (no cap)', () => {
    const checks = checksOf('pooling-module-pool')
    expect(checks.checks).toEqual([
      { type: 'last-status', status: 200, label: 'The last request answers 200, as in the lab' },
    ])
    expect(checks.requests).toHaveLength(50)
  })

  it('does not judge a 5xx that only the simulated limits cause', () => {
    const checks = checksOf('pooling-pool-per-request')
    expect(checks.checks).toEqual([])
    expect(checks.labOnly.join(' ')).toContain('answers 500')
  })

  it("judges an exercise's HTTP checks and lists its metrics as the lab's own", () => {
    const checks = checksOf('pooling-burst-exercise')
    expect(checks.checks.map((check) => check.type)).toEqual(['all-status'])
    expect(checks.labOnly).toHaveLength(2)
  })
})

describe('.env.example', () => {
  it('points at the local database and never carries a value of the lab .env that looks secret', () => {
    const text = envExample({
      '.env':
        'DATABASE_URL=postgres://app:hunter2@db.internal:5432/todos\nCRON_SECRET=7f3c9a1e\nSTRIPE_API_KEY=sk_live_x\nNEXT_PUBLIC_APP_NAME=Todos\n',
    })
    expect(text).toContain(`DATABASE_URL=${LOCAL_DATABASE_URL}`)
    expect(text).toContain('CRON_SECRET=dev-only-cron-secret')
    expect(text).toContain('STRIPE_API_KEY=dev-only-stripe-api-key')
    expect(text).toContain('NEXT_PUBLIC_APP_NAME=Todos')
    expect(text).not.toMatch(/hunter2|7f3c9a1e|sk_live_x|db\.internal/)
  })
})

describe('the project', () => {
  const example = examples.find((candidate) => candidate.id === 'jobs-cron-outbox')!
  const edited = { ...example.files, 'lib/email.ts': example.files['lib/email.ts'] + '\n// my edit\n' }

  it('zips under one folder, round-trips byte for byte, and is the same zip for the same files', () => {
    const project = generateProject({
      id: example.id,
      meta: example.meta,
      files: edited,
      edited: true,
      lessonUrl: LESSON,
    })
    const zip = zipProject(project)
    const entries = unzipSync(zip)
    expect(Object.keys(entries).sort()).toEqual(
      Object.keys(project.files)
        .map((path) => `${project.name}/${path}`)
        .sort(),
    )
    expect(strFromU8(entries[`${project.name}/lib/email.ts`])).toContain('// my edit')
    expect(project.files['README.md']).toContain('with your edits')
    expect(zipProject(project)).toEqual(zip)
    const checks = JSON.parse(project.files['scripts/checks.json']) as ChecksFile
    expect(checks.crons).toEqual(['/api/cron/send-emails'])
  })

  it('lists a package the reader added as one to install, not as a pinned dependency', () => {
    const files = { ...example.files, 'lib/email.ts': `import slug from 'slugify'\n${example.files['lib/email.ts']}` }
    const project = generateProject({ id: example.id, meta: example.meta, files, edited: true, lessonUrl: LESSON })
    expect(JSON.parse(project.files['package.json']).dependencies.slugify).toBeUndefined()
    expect(project.files['README.md']).toContain('npm install slugify')
  })

  it('ships scripts Node can parse', () => {
    const project = generateProject({
      id: example.id,
      meta: example.meta,
      files: edited,
      edited: true,
      lessonUrl: LESSON,
    })
    for (const path of Object.keys(project.files).filter((file) => file.endsWith('.mjs'))) {
      const file = join(work, path.replace(/\//g, '_'))
      writeFileSync(file, project.files[path])
      const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' })
      expect(result.stderr, path).toBe('')
      expect(result.status, path).toBe(0)
    }
  })
})
