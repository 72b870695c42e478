import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { checkFactFreshness, checkFactIds, checkHandwrittenFacts, checkWhatChangedBox } from '@/lib/content/fact-checks'
import type { SitePage } from '@/lib/content/site-pages'
import { mdxToMarkdown } from '@/lib/markdown/mdx-to-markdown'
import { expandFacts } from './expand'
import { FACT_TOPICS, factById, facts, recheckBy } from './index'
import { factsSchema } from './schema'

const parse = (source: string) => unified().use(remarkParse).use(remarkMdx).parse(source) as Root
const where = (node: { position?: { start: { line: number } } }) => `pages/demo.mdx:${node.position?.start.line}`
const page = (source: string, extra: Partial<SitePage> = {}): SitePage => ({
  file: 'pages/demo.mdx',
  route: '/demo/',
  key: 'demo',
  metaFile: 'pages/_meta.ts',
  source,
  ...extra,
})
const markdown = (source: string) =>
  mdxToMarkdown({ file: 'pages/demo.mdx', title: 'Demo', source }, { labs: {}, decisionTree: '', env: {} })

describe('the facts', () => {
  it('are valid, each id once, each with an https source and a check date', () => {
    expect(factsSchema.safeParse(facts).success).toBe(true)
    expect(new Set(facts.map((fact) => fact.id)).size).toBe(facts.length)
  })

  it('state the December 2026 corrections', () => {
    expect(factById('vercel-default-duration')?.value).toBe('300 s')
    expect(factById('vercel-extended-max-duration')?.value).toBe('1,800 s (beta)')
    expect(factById('next-adapter-api-stable')?.statement).toContain('top-level `adapterPath`')
    expect(factById('firestore-free-database')?.value).toBe('one database per project, the first one created')
    expect(factById('neon-usable-connections-quarter-cu')?.value).toBe('97')
  })

  it('rejects a duplicate id and a malformed date', () => {
    const fact = facts[0]
    const result = factsSchema.safeParse([fact, { ...fact, checked: '7 Dec 2026' }])
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('Duplicate fact id'), expect.stringContaining('YYYY-MM-DD')]),
    )
  })
})

describe('<Fact>, <WhatChanged>, <FactSources>', () => {
  it('prints a fact inside a sentence, or its statement', () => {
    expect(markdown('The default is <Fact id="vercel-default-duration" /> on every plan.\n')).toBe(
      '# Demo\n\nThe default is 300 s on every plan.\n',
    )
    expect(markdown('<Fact id="next-res-revalidate" statement /> Really.\n')).toContain(
      'In the Pages Router, `res.revalidate(path)` in an API route regenerates a page built by `getStaticProps`',
    )
  })

  it('fails on an unknown id with the file, the line and the closest id', () => {
    expect(() => expandFacts(parse('# A\n\nText <Fact id="vercel-default-duraton" />.\n'), where)).toThrow(
      /^pages\/demo\.mdx:3: <Fact> names no fact "vercel-default-duraton"\. Did you mean "vercel-default-duration"\?/,
    )
  })

  it('builds the "What changed" box from the facts the page uses, with sources, dates and the Sources link', () => {
    const output = markdown(
      'Up to <Fact id="vercel-pro-max-duration" />, default <Fact id="vercel-default-duration" />.\n\n<WhatChanged facts="planetscale-hobby-retired">\nOur own line.\n</WhatChanged>\n',
    )
    expect(output).toContain('> [!NOTE]\n> **What changed since the article.**')
    expect(output).toContain('> Our own line.')
    // vercel-pro-max-duration has no `changed` line: the article did not have it wrong.
    expect(output).toContain(
      `> - ${factById('vercel-default-duration')!.changed!.replace(/\.$/, '')} ([Vercel docs: Configuring maximum duration](https://vercel.com/docs/functions/configuring-functions/duration), checked 7 Dec 2026).`,
    )
    expect(output).toContain(
      '> - PlanetScale has no free plan since April 8, 2024 ([PlanetScale blog: PlanetScale forever](https://planetscale.com/blog/planetscale-forever), checked 7 Dec 2026).',
    )
    expect(output).toContain('[Sources](/sources/)')
    expect(output.match(/^> - /gm)).toHaveLength(2)
  })

  it('an overview box with `only` lists just the facts it names, without the Sources link', () => {
    const output = markdown(
      'Default <Fact id="vercel-default-duration" />.\n\n<WhatChanged only facts="next-async-params next-typegen" />\n',
    )
    expect(output).toContain(factById('next-async-params')!.changed!.replace(/\.$/, ''))
    expect(output).toContain(factById('next-typegen')!.changed!.replace(/\.$/, ''))
    expect(output).not.toContain(factById('vercel-default-duration')!.changed!.replace(/\.$/, ''))
    expect(output).not.toContain('[Sources](/sources/)')
    expect(output.match(/^> - /gm)).toHaveLength(2)
  })

  it('prints an error text as code, as a page quotes it', () => {
    expect(markdown('The log says <Fact id="postgres-too-many-clients-error" />.\n')).toBe(
      '# Demo\n\nThe log says `sorry, too many clients already`.\n',
    )
  })

  it('the Sources page has a section for every topic', () => {
    const sources = readFileSync('pages/sources.mdx', 'utf8')
    for (const topic of FACT_TOPICS) expect(sources).toContain(`<FactSources topic="${topic}" />`)
  })

  it('lists every fact of a topic with its source and check date', () => {
    const output = markdown('<FactSources topic="Neon" />\n')
    for (const fact of facts.filter((candidate) => candidate.topic === 'Neon')) {
      expect(output).toContain(`| \`${fact.id}\` |`)
      expect(output).toContain(`(${fact.source.url})`)
    }
    expect(() => markdown('<FactSources topic="Heroku" />\n')).toThrow(/pages\/demo\.mdx:1: <FactSources> needs topic=/)
  })
})

describe('the fact checks', () => {
  it('fail a fact whose check is more than six months old, at its line in lib/facts/facts.ts', () => {
    const fact = facts[0]
    expect(recheckBy({ ...fact, checked: '2026-12-07' })).toBe('2027-06-07')
    expect(
      checkFactFreshness(process.cwd(), { now: '2027-06-07', list: [{ ...fact, checked: '2026-12-07' }] }),
    ).toEqual([])
    const [problem] = checkFactFreshness(process.cwd(), {
      now: '2027-06-08',
      list: [{ ...fact, checked: '2026-12-07' }],
    })
    expect(problem.file).toBe('lib/facts/facts.ts')
    expect(problem.line).toBeGreaterThan(1)
    expect(problem.message).toContain(`"${fact.id}" was last checked on 2026-12-07`)
    expect(problem.fix).toContain(fact.source.url)
  })

  it('fail a page that retypes a fact, at the line, and leave code, components and image texts alone', () => {
    const source = [
      '---',
      'title: Demo',
      'description: Up to 300 s in the front matter is fine.',
      '---',
      '',
      'The default is 300 seconds on every plan.',
      'The default is <Fact id="vercel-default-duration" />, set with `maxDuration = 300 s`.',
      '```ts',
      'export const maxDuration = 300 // s',
      '```',
      '  alt="At the 300 s limit the lab answers 504"',
    ].join('\n')
    const problems = checkHandwrittenFacts(page(source))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'pages/demo.mdx', line: 6 })
    expect(problems[0].fix).toContain('<Fact id="vercel-default-duration" />')
  })

  it('find an error text quoted in code, and a bare number only beside its keyword', () => {
    const source = [
      'The log says `remaining connection slots are reserved for roles with the SUPERUSER attribute`.',
      "Postgres's `max_connections` is typically **100**, and a burst of 100 requests is fine to write.",
      'On Neon, **97** connections are usable by your app; the lab answers 97 times with 200.',
      "The `pg` pool's default `max` is 10; the lab starts 10 instances.",
      '```text',
      'FATAL: sorry, too many clients already',
      '```',
    ].join('\n')
    const found = checkHandwrittenFacts(page(source)).map((problem) => [
      problem.line,
      problem.message.match(/"([^"]+)"/)![1],
    ])
    expect(found).toEqual([
      [1, 'postgres-reserved-slots-error'],
      [2, 'postgres-max-connections'],
      [3, 'neon-usable-connections-quarter-cu'],
      [4, 'pg-pool-default-max'],
    ])
    // Each fact's own value, written where the prose would, is caught by its own patterns.
    for (const fact of facts.filter((candidate) => candidate.matchInlineCode)) {
      expect(fact.handwritten?.length, fact.id).toBeGreaterThan(0)
    }
  })

  it('fail an unknown fact id and a lesson without a "What changed" box', () => {
    expect(checkFactIds(page('Text <Fact id="lambda-max-timout" />.'))[0].fix).toContain('lambda-max-timeout')
    expect(checkWhatChangedBox(page('# Lesson', { lessonSection: 'where-they-hurt' }))).toHaveLength(1)
    expect(
      checkWhatChangedBox(page('# Lesson\n\n<WhatChanged>\nx\n</WhatChanged>', { lessonSection: 'where-they-hurt' })),
    ).toEqual([])
  })
})
