import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LESSON_WORDS } from './content-checks'
import { formatProblem } from './problem'
import { runContentChecks } from './run-checks'

const LESSON_PROSE = Array.from(
  { length: 110 },
  () => 'A connection pool per instance multiplies connections quickly.',
).join('\n')

const PRESETS = "[{ name: 'One request', scenario: { requests: [{ path: '/api/hello' }] } }]"

/** The exercise example's meta, one field a line, so a test can name the line of a field. */
const EXERCISE_META = `export default {
  title: 'Demo exercise',
  presets: [{ name: 'One request', scenario: { requests: [{ path: '/api/hello' }] } }],
  expect: { status: 404 },
  exercise: {
    goal: 'Answer 200.',
    checks: [
      { type: 'request-status', path: '/api/hello', status: 200, label: 'GET /api/hello answers 200' },
    ],
    hints: ['Which file answers GET /api/hello?'],
  },
}
`

const POOLING_LESSON = `---\ntitle: Connection pooling\ndescription: Why every serverless instance opens its own pool, and what to do about it.\n---\n\nimport { Lab } from '@/components/Lab'\n\n# Connection pooling\n\n${LESSON_PROSE}\n\n<Lab example="demo" />\n\n<WhatChanged>\nNothing moved.\n</WhatChanged>\n\n## Exercise\n\n<Lab example="demo-exercise" />\n\n## Key takeaways\n\n- Size the pool.\n\n## Further reading\n\n- [Postgres](https://www.postgresql.org/docs/)\n`

const VALID_SITE: Record<string, string> = {
  'pages/_meta.ts': "export default { index: 'Introduction', 'where-they-hurt': 'Where they hurt' }\n",
  'pages/index.mdx':
    '---\ntitle: Introduction\ndescription: What the course covers and how to work through it, start to finish.\n---\n\n# Welcome\n\nRead [the pooling lesson](/where-they-hurt/pooling/#exercise).\n',
  'pages/where-they-hurt.mdx':
    '---\ntitle: Where they hurt\ndescription: The one place where database access from API routes gets hard, and what to do.\n---\n\n# Where they hurt\n\nThis section covers one place where it shows.\n\n## Pools\n\nSee https://www.postgresql.org/docs/current/runtime-config-connection.html for details.\n\n**In the lesson:** [Connection pooling](/where-they-hurt/pooling/): a burst, in a lab.\n',
  'pages/where-they-hurt/_meta.ts': "export default { pooling: 'Connection pooling' }\n",
  'pages/where-they-hurt/pooling.mdx': POOLING_LESSON,
  'examples/demo/meta.ts': `export default { title: 'Demo', presets: ${PRESETS}, expect: { status: 200 } }\n`,
  'examples/demo/app/api/hello/route.ts': 'export async function GET() { return Response.json({ ok: true }) }\n',
  'examples/demo-exercise/meta.ts': EXERCISE_META,
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
    expect(report.lessons[0].words).toBeGreaterThanOrEqual(LESSON_WORDS.min)
  })

  it('gives every problem a line, and names each file once', async () => {
    const problems = (
      await runContentChecks(
        siteWith({
          'pages/where-they-hurt/_meta.ts': 'export default {}\n',
          'pages/where-they-hurt/pooling.mdx': '---\ntitle: Pooling\nauthor: me\n---\n\n# Pooling\n\nShort.\n',
          'examples/demo/meta.ts': `export default { title: 'Demo', presets: ${PRESETS}, expect: { status: 'ok' } }\n`,
        }),
      )
    ).problems
    expect(problems.length).toBeGreaterThan(5)
    for (const problem of problems) {
      expect(problem.line, formatProblem(problem)).toBeGreaterThanOrEqual(1)
      expect(formatProblem(problem).split(problem.file).length, formatProblem(problem)).toBe(2)
    }
  })

  it('finds a _meta.ts key without a page, with its line and the page it probably means', async () => {
    const problems = await problemsOf({
      'pages/where-they-hurt/_meta.ts':
        "export default {\n  pooling: 'Connection pooling',\n  poolin: 'Timeouts',\n}\n",
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/where-they-hurt\/_meta\.ts:3: "poolin" has no page.*\n {2}→ Did you mean "pooling"\? Create pages\/where-they-hurt\/poolin\.mdx/,
      ),
    ])
  })

  it('finds a page missing from its _meta.ts, at a line, saying where to add it', async () => {
    const problems = await problemsOf({ 'pages/where-they-hurt/_meta.ts': 'export default {\n}\n' })
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/where-they-hurt\/pooling\.mdx:1: is not in the sidebar: .*no key "pooling".*\n {2}→ Add `'pooling': 'Title'` to pages\/where-they-hurt\/_meta\.ts .*line 2/,
      ),
    ])
  })

  it('rejects front matter without a description, naming the field and where to add it', async () => {
    const problems = await problemsOf({ 'pages/index.mdx': '---\ntitle: Introduction\n---\n\n# Welcome\n' })
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/index\.mdx:3: front matter has no `description`\.\n {2}→ Add `description: …` above this line: One or two sentences/,
      ),
    ])
  })

  it('reports a misspelt front matter key once, as the key it meant, not also as a missing field', async () => {
    const problems = await problemsOf({
      'pages/index.mdx':
        '---\ntitle: Introduction\ndescripton: What the course covers and how to work through it, start to finish.\n---\n# Welcome\n',
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/index\.mdx:3: front matter has an unknown key `descripton`\.\n {2}→ Did you mean `description`\?/,
      ),
    ])
  })

  it('names an unknown front matter key, at its line, with the key it probably means', async () => {
    const problems = await problemsOf({
      'pages/index.mdx':
        '---\ntitle: Introduction\ndescription: What the course covers and how to work through it, start to finish.\nsidebarTitel: Intro\n---\n# Welcome\n',
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/index\.mdx:4: front matter has an unknown key `sidebarTitel`\.\n {2}→ Did you mean `sidebarTitle`\? Allowed keys: title, description, sidebarTitle/,
      ),
    ])
  })

  it('finds a <Lab> that names no example, suggests the id it probably means, and an example no page embeds', async () => {
    const problems = await problemsOf({
      'pages/where-they-hurt/pooling.mdx': POOLING_LESSON.replace('"demo"', '"demoo"'),
      'examples/orphan/meta.ts': `export default { title: 'Orphan', presets: ${PRESETS}, expect: { status: 200 } }\n`,
      'examples/orphan/app/api/hello/route.ts': 'export async function GET() { return Response.json({}) }\n',
    })
    // "demo", which the mistyped id meant, is not reported again as embedded nowhere.
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/where-they-hurt\/pooling\.mdx:\d+: <Lab example="demoo"> names no example.*\n {2}→ Did you mean <Lab example="demo" \/>\?$/,
      ),
      expect.stringMatching(
        /^examples\/orphan\/meta\.ts:1: example "orphan" is not embedded in any page\.\n {2}→ Add <Lab example="orphan" \/>/,
      ),
    ])
  })

  it("lists a file's problems together, top to bottom, whichever check found them", async () => {
    const problems = await problemsOf({
      'pages/where-they-hurt/pooling.mdx': POOLING_LESSON.replace('## Key takeaways', '## Takeaways')
        .replace('"demo"', '"demoo"')
        .replace('title: Connection pooling', 'title: Connection pooling\nsidebarTitel: Pools'),
    })
    const lines = problems.map((problem) => /^pages\/where-they-hurt\/pooling\.mdx:(\d+): /.exec(problem)?.[1])
    expect(lines.every(Boolean), problems.join('\n')).toBe(true)
    expect(lines.map(Number)).toEqual([...lines.map(Number)].sort((a, b) => a - b))
    expect(problems.map((problem) => problem.split(': ')[1].split(' ')[0])).toEqual(['front', '<Lab', 'has'])
  })

  it('finds broken internal links and anchors, reports their lines and suggests the likely target', async () => {
    const problems = await problemsOf({
      'pages/index.mdx':
        '---\ntitle: Introduction\ndescription: What the course covers and how to work through it, start to finish.\n---\n\n# Welcome\n\n[gone](/no-such-page/)\n\n[bad anchor](/where-they-hurt/#pool)\n\n[no slash](/where-they-hurt)\n\n[relative](where-they-hurt/)\n\n[typo](/where-they-hurt/poling/)\n\n[local](#welcom)\n\n[pooling](/where-they-hurt/pooling/)\n',
    })
    expect(problems).toEqual([
      expect.stringMatching(/^pages\/index\.mdx:8: link \/no-such-page\/ points to no page/),
      expect.stringMatching(
        /^pages\/index\.mdx:10: pages\/where-they-hurt\.mdx has no heading with anchor #pool\.\n {2}→ Did you mean #pools\? Use one of: #where-they-hurt, #pools/,
      ),
      expect.stringMatching(/^pages\/index\.mdx:12: link \/where-they-hurt lacks the trailing slash/),
      expect.stringMatching(/^pages\/index\.mdx:14: relative link where-they-hurt\/ /),
      expect.stringMatching(
        /^pages\/index\.mdx:16: link \/where-they-hurt\/poling\/ points to no page\.\n {2}→ Did you mean \/where-they-hurt\/pooling\/\?/,
      ),
      expect.stringMatching(
        /^pages\/index\.mdx:18: anchor #welcom matches no heading on this page\.\n {2}→ Did you mean #welcome\?/,
      ),
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

  it('finds an exercise without a solution, at the line of `exercise`', async () => {
    const problems = await problemsOf({ 'examples/demo-exercise/solution/app/api/hello/route.ts': null })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:5: example "demo-exercise" has an exercise but no solution\//,
      ),
    ])
  })

  it('finds a lesson that is a stub or lacks its sections, each at the line to change', async () => {
    const problems = await problemsOf({
      'pages/where-they-hurt/pooling.mdx':
        '---\ntitle: Connection pooling\ndescription: Why every serverless instance opens its own pool, and what to do about it.\n---\n\n# Connection pooling\n\nShort.\n\n## Further reading\n\n- [Postgres](https://www.postgresql.org/docs/)\n',
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/pooling\.mdx:6: has \d+ words of prose; a lesson has 800–2,000\./),
        expect.stringMatching(
          /pooling\.mdx:10: has no "## Exercise" section\.\n {2}→ Add a ## Exercise heading above this line/,
        ),
        expect.stringMatching(
          /pooling\.mdx:10: has no "## Key takeaways" section\.\n {2}→ Add a ## Key takeaways heading above this line/,
        ),
        expect.stringMatching(/pooling\.mdx:6: embeds no lab/),
      ]),
    )
  })

  it('finds a lesson longer than the range', async () => {
    const long = POOLING_LESSON.replace(LESSON_PROSE, `${LESSON_PROSE}\n${LESSON_PROSE}\n${LESSON_PROSE}`)
    expect(await problemsOf({ 'pages/where-they-hurt/pooling.mdx': long })).toEqual([
      expect.stringMatching(
        /^pages\/where-they-hurt\/pooling\.mdx:8: has 2,\d{3} words of prose; a lesson has 800–2,000\.\n {2}→ Cut/,
      ),
    ])
  })

  it('reports a meta that breaks the schema once, at the field, with no follow-on error about the exercise', async () => {
    const problems = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace('status: 404', "status: 'ok'"),
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:4: expect\.status: .*\n {2}→ Status of the default preset's last request/,
      ),
    ])
  })

  it('suggests the meta key or value that was probably meant', async () => {
    const problems = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace(
        "  title: 'Demo exercise',",
        "  title: 'Demo exercise',\n  descripton: 'A typo.',\n  platform: { profile: 'lamda' },",
      ),
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:3: unknown key "descripton"\.\n {2}→ Did you mean "description"\? Keys allowed here: title, description/,
      ),
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:4: platform\.profile: .*\n {2}→ Did you mean "lambda"\?/,
      ),
    ])
  })

  it("names a meta's syntax error at its line, with what the parser expected", async () => {
    const problems = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace("  title: 'Demo exercise',", "  title: 'Demo exercise'"),
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:3: does not parse: Expected .* but found .* \(column \d+\)\.\n {2}→ Fix the syntax here or at the end of the line above/,
      ),
    ])
  })

  it('suggests a key the object lacks, not one it already sets', async () => {
    const problems = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace(
        '    ],\n    hints:',
        "      { type: 'table-row-count', tabel: 'todos', count: 2, label: 'todos holds two rows' },\n    ],\n    hints:",
      ),
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:9: unknown key "tabel" in exercise\.checks\[1\]\.\n {2}→ Did you mean "table"\? Keys allowed here: type, table, count, label/,
      ),
    ])
  })

  it('suggests the file or preset a meta probably meant', async () => {
    const problems = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace(
        "  title: 'Demo exercise',",
        "  title: 'Demo exercise',\n  files: { active: 'app/api/other/rout.ts' },",
      ).replace("    goal: 'Answer 200.',", "    goal: 'Answer 200.',\n    preset: 'One requests',"),
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:3: files\.active: "app\/api\/other\/rout\.ts" is not a file of this example\. .*\n {2}→ Did you mean "app\/api\/other\/route\.ts"\?/,
      ),
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:8: exercise\.preset: no preset is named "One requests"\. .*\n {2}→ Did you mean "One request"\?/,
      ),
    ])
  })

  it('names a misspelt required key once, with the key it meant, and a missing one with what to add', async () => {
    const misspelt = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace(
        '  expect: { status: 404 },',
        '  expekt: { status: 404 },',
      ),
    })
    expect(misspelt).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:4: unknown key "expekt"\.\n {2}→ Did you mean "expect"\?/,
      ),
    ])
    const missing = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace("  title: 'Demo exercise',\n", ''),
    })
    expect(missing).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:1: title is missing: the meta must set it\.\n {2}→ Add `title: …`: /,
      ),
    ])
  })

  it('names an exercise without hints at its `exercise:` line, with what a hint is', async () => {
    const problems = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace(
        "    hints: ['Which file answers GET /api/hello?'],\n",
        '',
      ),
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:5: exercise\.hints is missing: the meta must set it\.\n {2}→ Add `hints: …` to exercise: Nudges the reader reveals one at a time before "Show solution"/,
      ),
    ])
    const empty = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace(
        "hints: ['Which file answers GET /api/hello?']",
        'hints: []',
      ),
    })
    expect(empty).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:10: exercise\.hints: An exercise needs at least one hint/,
      ),
    ])
  })

  it('finds a check whose path no request of the exercise preset hits, at its line', async () => {
    const problems = await problemsOf({
      'examples/demo-exercise/meta.ts': EXERCISE_META.replace(
        "path: '/api/hello', status",
        "path: '/api/helo', status",
      ),
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/meta\.ts:8: check "GET \/api\/hello answers 200" looks at any method \/api\/helo, which preset "One request" never requests, so it can never pass\.\n {2}→ Did you mean "\/api\/hello"\? The preset sends: GET \/api\/hello\./,
      ),
    ])
  })

  it('finds a solution file at a path no request reaches, and suggests the starter file it probably replaces', async () => {
    const problems = await problemsOf({
      'examples/demo-exercise/solution/app/api/hello/route.ts': null,
      'examples/demo-exercise/solution/app/api/othr/route.ts':
        'export async function GET() { return Response.json({ ok: true }) }\n',
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/solution\/app\/api\/othr\/route\.ts:1: is a route no request of preset "One request" reaches, and it replaces no file of the starter\.\n {2}→ Did you mean solution\/app\/api\/other\/route\.ts\?/,
      ),
    ])
  })

  it('suggests the route the requests would reach for a misspelt solution folder', async () => {
    const problems = await problemsOf({
      'examples/demo-exercise/solution/app/api/hello/route.ts': null,
      'examples/demo-exercise/solution/app/api/helo/route.ts':
        'export async function GET() { return Response.json({ ok: true }) }\n',
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^examples\/demo-exercise\/solution\/app\/api\/helo\/route\.ts:1: is a route no request .*\n {2}→ Did you mean solution\/app\/api\/hello\/route\.ts\?/,
      ),
    ])
  })

  it("checks a draft's front matter too, and completes a link to the start of a page's address", async () => {
    const problems = await runContentChecks(
      siteWith({
        'pages/where-they-hurt/pooling.mdx': POOLING_LESSON.replace(
          '---\n\nimport',
          'draft: true\nsidebar_title: Pooling\n---\n\n[Pools](/where-they-hurt/pool/)\n\nimport',
        ),
      }),
    )
    expect(problems.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^pages\/where-they-hurt\/pooling\.mdx:4: is a draft\./),
      expect.stringMatching(
        /^pages\/where-they-hurt\/pooling\.mdx:5: front matter has an unknown key `sidebar_title`\.\n {2}→ Did you mean `sidebarTitle`\?/,
      ),
      expect.stringMatching(
        /^pages\/where-they-hurt\/pooling\.mdx:8: link \/where-they-hurt\/pool\/ points to no page\.\n {2}→ Did you mean \/where-they-hurt\/pooling\/\?$/,
      ),
    ])
  })

  it('fails a lesson its section overview does not link, at the overview', async () => {
    const problems = await problemsOf({
      'pages/where-they-hurt.mdx': VALID_SITE['pages/where-they-hurt.mdx'].replace(
        '**In the lesson:** [Connection pooling](/where-they-hurt/pooling/): a burst, in a lab.\n',
        'More to come.\n',
      ),
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/where-they-hurt\.mdx:\d+: does not link the section's lesson pages\/where-they-hurt\/pooling\.mdx \(\/where-they-hurt\/pooling\/\)\.\n {2}→ Introduce it here/,
      ),
    ])
  })

  it('finds counts in prose that disagree with the section, and the wrap-up that misses a lesson', async () => {
    const problems = await problemsOf({
      'pages/where-they-hurt.mdx': VALID_SITE['pages/where-they-hurt.mdx']
        .replace('The one place', 'Five ways')
        .replace('covers one place', 'covers the five places'),
      'pages/_meta.ts':
        "export default { index: 'Introduction', 'where-they-hurt': 'Where they hurt', 'wrap-up': 'Wrap-up' }\n",
      'pages/wrap-up.mdx':
        '---\ntitle: Wrap-up\ndescription: What to take away from the course, and a recap of each of the two lessons.\n---\n\n# Wrap-up\n\n## The two lessons\n\n| Topic | Lesson |\n| --- | --- |\n',
    })
    expect(problems).toEqual([
      expect.stringMatching(
        /^pages\/where-they-hurt\.mdx:3: says "Five ways", but pages\/where-they-hurt\/ has 1 lesson\.\n {2}→ Change the count to one/,
      ),
      expect.stringMatching(
        /^pages\/where-they-hurt\.mdx:8: says "five places", but pages\/where-they-hurt\/ has 1 lesson\./,
      ),
      expect.stringMatching(/^pages\/wrap-up\.mdx:3: says "two lessons", but the course has 1 lesson\./),
      expect.stringMatching(/^pages\/wrap-up\.mdx:8: says "two lessons", but the course has 1 lesson\./),
      expect.stringMatching(/^pages\/wrap-up\.mdx:8: does not recap the lesson pages\/where-they-hurt\/pooling\.mdx/),
    ])
  })
})
