import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { formatProblem } from './problem'
import { runContentChecks } from './run-checks'

const LESSON_PROSE = Array.from(
  { length: 80 },
  () => 'A connection pool per instance multiplies connections quickly.',
).join('\n')

const PRESETS = "[{ name: 'One request', scenario: { requests: [{ path: '/api/hello' }] } }]"

const VALID_SITE: Record<string, string> = {
  'pages/_meta.ts': "export default { index: 'Introduction', 'where-they-hurt': 'Where they hurt' }\n",
  'pages/index.mdx':
    '---\ntitle: Introduction\ndescription: What the course covers and how to work through it, start to finish.\n---\n\n# Welcome\n\nRead [the pooling lesson](/where-they-hurt/pooling/#exercise).\n',
  'pages/where-they-hurt.mdx':
    '---\ntitle: Where they hurt\ndescription: The five places where database access from API routes gets hard.\n---\n\n# Where they hurt\n\n## Pools\n\nSee https://www.postgresql.org/docs/current/runtime-config-connection.html for details.\n',
  'pages/where-they-hurt/_meta.ts': "export default { pooling: 'Connection pooling' }\n",
  'pages/where-they-hurt/pooling.mdx': `---\ntitle: Connection pooling\ndescription: Why every serverless instance opens its own pool, and what to do about it.\n---\n\nimport { Lab } from '@/components/Lab'\n\n# Connection pooling\n\n${LESSON_PROSE}\n\n<Lab example="demo" />\n\n## Exercise\n\n<Lab example="demo-exercise" />\n\n## Key takeaways\n\n- Size the pool.\n\n## Further reading\n\n- [Postgres](https://www.postgresql.org/docs/)\n`,
  'examples/demo/meta.ts': `export default { title: 'Demo', presets: ${PRESETS}, expect: { status: 200 } }\n`,
  'examples/demo/app/api/hello/route.ts': 'export async function GET() { return Response.json({ ok: true }) }\n',
  'examples/demo-exercise/meta.ts': `export default { title: 'Demo exercise', presets: ${PRESETS}, expect: { status: 404 }, exercise: { goal: 'Answer 200.', checks: [{ type: 'no-status-class', class: 4, label: 'No 4xx' }] } }\n`,
  'examples/demo-exercise/app/api/other/route.ts':
    'export async function GET() { return Response.json({ ok: true }) }\n',
  'examples/demo-exercise/solution/app/api/hello/route.ts':
    'export async function GET() { return Response.json({ ok: true }) }\n',
}

const roots: string[] = []
function siteWith(overrides: Record<string, string | null>): string {
  const root = mkdtempSync(join(tmpdir(), 'content-check-'))
  roots.push(root)
  for (const [path, content] of Object.entries({ ...VALID_SITE, ...overrides })) {
    if (content === null) continue
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

async function problemsOf(overrides: Record<string, string | null>) {
  const report = await runContentChecks(siteWith(overrides))
  return report.problems.map(formatProblem)
}

describe('check:content', () => {
  it('passes a well-formed site and counts its lessons', async () => {
    const report = await runContentChecks(siteWith({}))
    expect(report.problems.map(formatProblem)).toEqual([])
    expect(report.lessons).toEqual([{ file: 'pages/where-they-hurt/pooling.mdx', words: expect.any(Number) }])
    expect(report.lessons[0].words).toBeGreaterThanOrEqual(600)
  })

  it('finds a _meta.ts key without a page, with its line', async () => {
    const problems = await problemsOf({
      'pages/where-they-hurt/_meta.ts':
        "export default {\n  pooling: 'Connection pooling',\n  timeouts: 'Timeouts',\n}\n",
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/where-they-hurt\/_meta\.ts:3: "timeouts" has no page.*\n {2}→ Create pages\/where-they-hurt\/timeouts\.mdx/,
      ),
    ])
  })

  it('finds a page missing from its _meta.ts', async () => {
    const problems = await problemsOf({ 'pages/where-they-hurt/_meta.ts': 'export default {}\n' })
    expect(problems[0]).toMatch(/^pages\/where-they-hurt\/pooling\.mdx: is not in the sidebar: .*no key "pooling"/)
  })

  it('rejects front matter without a description, naming the field', async () => {
    const problems = await problemsOf({ 'pages/index.mdx': '---\ntitle: Introduction\n---\n\n# Welcome\n' })
    expect(problems).toEqual([expect.stringMatching(/^pages\/index\.mdx:1: front matter `description`/)])
  })

  it('rejects an unknown front matter field', async () => {
    const problems = await problemsOf({
      'pages/index.mdx':
        '---\ntitle: Introduction\ndescription: What the course covers and how to work through it, start to finish.\nauthor: me\n---\n# Welcome\n',
    })
    expect(problems[0]).toMatch(/^pages\/index\.mdx:1: front matter .*author/)
  })

  it('finds a <Lab> that names no example, and an example no page embeds', async () => {
    const problems = await problemsOf({
      'pages/where-they-hurt/pooling.mdx': VALID_SITE['pages/where-they-hurt/pooling.mdx'].replace(
        '"demo"',
        '"demo-typo"',
      ),
    })
    expect(problems).toContainEqual(
      expect.stringMatching(
        /pooling\.mdx:\d+: <Lab example="demo-typo"> names no example.*\n {2}→ Use one of: demo, demo-exercise/,
      ),
    )
    expect(problems).toContainEqual(
      expect.stringMatching(/^examples\/demo\/meta\.ts: example "demo" is not embedded in any page/),
    )
  })

  it('finds broken internal links and anchors, and reports their lines', async () => {
    const problems = await problemsOf({
      'pages/index.mdx':
        '---\ntitle: Introduction\ndescription: What the course covers and how to work through it, start to finish.\n---\n\n# Welcome\n\n[gone](/no-such-page/)\n\n[bad anchor](/where-they-hurt/#nowhere)\n\n[no slash](/where-they-hurt)\n\n[relative](where-they-hurt/)\n',
    })
    expect(problems).toEqual([
      expect.stringMatching(/^pages\/index\.mdx:8: link \/no-such-page\/ points to no page/),
      expect.stringMatching(
        /^pages\/index\.mdx:10: pages\/where-they-hurt\.mdx has no heading with anchor #nowhere.*\n {2}→ Use one of: #where-they-hurt, #pools/,
      ),
      expect.stringMatching(/^pages\/index\.mdx:12: link \/where-they-hurt lacks the trailing slash/),
      expect.stringMatching(/^pages\/index\.mdx:14: relative link where-they-hurt\/ /),
    ])
  })

  it('rejects external links that are not https, but ignores links inside code', async () => {
    const problems = await problemsOf({
      'pages/index.mdx':
        '---\ntitle: Introduction\ndescription: What the course covers and how to work through it, start to finish.\n---\n\n# Welcome\n\n[insecure](http://example.com/docs)\n\n```ts\nfetch("http://localhost:3000/api")\n```\n\n`http://inline.example`\n',
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/index\.mdx:8: external link http:\/\/example\.com\/docs is not a well-formed https URL/,
      ),
    ])
  })

  it('finds an exercise without a solution', async () => {
    const problems = await problemsOf({ 'examples/demo-exercise/solution/app/api/hello/route.ts': null })
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts: example "demo-exercise" has an exercise but no solution\//,
      ),
    )
  })

  it('finds a lesson that is a stub or lacks its sections', async () => {
    const problems = await problemsOf({
      'pages/where-they-hurt/pooling.mdx':
        '---\ntitle: Connection pooling\ndescription: Why every serverless instance opens its own pool, and what to do about it.\n---\n\n# Connection pooling\n\nShort.\n',
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/pooling\.mdx: has \d+ words of prose; a lesson needs at least 600/),
        expect.stringMatching(/pooling\.mdx: has no "## Exercise" section/),
        expect.stringMatching(/pooling\.mdx: has no "## Key takeaways" section/),
        expect.stringMatching(/pooling\.mdx: has no "## Further reading" section/),
        expect.stringMatching(/pooling\.mdx: embeds no lab/),
      ]),
    )
  })

  it('reports an example whose meta breaks the schema', async () => {
    const problems = await problemsOf({
      'examples/demo/meta.ts': `export default { title: 'Demo', presets: ${PRESETS}, expect: { status: 'ok' } }\n`,
    })
    expect(problems).toContainEqual(expect.stringMatching(/^examples\/demo\/meta\.ts: [\s\S]*expect\.status/))
  })
})
