import { describe, expect, it } from 'vitest'
import { decisionTree } from '@/lib/decision-tree/tree'
import { decisionTreeMarkdown, verdictCounts } from './decision-tree'
import { labIdsOf, mdxToMarkdown } from './mdx-to-markdown'

const options = {
  labs: {
    demo: '**Lab: Demo** (example `demo`)\n\n```ts\nexport const x = 1\n```\n\n- **One request** (default): Sends `GET /api/x`.',
  },
  decisionTree: '**The checklist**',
  env: { COURSE_REPOSITORY_URL: 'https://example.org/course' },
}

const page = (source: string) => ({ file: 'pages/demo.mdx', title: 'Demo page', source })

describe('an MDX page as Markdown', () => {
  it('keeps the Markdown, drops imports and comments, and puts each lab in place', () => {
    const markdown = mdxToMarkdown(
      page(`---
title: Demo page
description: A page for the test.
---

import { Lab } from '@/components/Lab'

{/* a note for authors */}

# Demo

Some *prose* with \`code\`.

<Lab example="demo" />

| a | b |
| --- | --- |
| 1 | 2 |
`),
      options,
    )
    expect(markdown).toBe(
      '# Demo\n\nSome *prose* with `code`.\n\n**Lab: Demo** (example `demo`)\n\n```ts\nexport const x = 1\n```\n\n- **One request** (default): Sends `GET /api/x`.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
    )
  })

  it('turns callouts, tabs, cards, diagrams, links and keys into Markdown', () => {
    const markdown = mdxToMarkdown(
      page(`import { Callout, Tabs, Cards } from 'nextra/components'
import { Link } from 'nextra-theme-docs'

export const source = \`\${process.env.COURSE_REPOSITORY_URL}/blob/main/x.ts\`

<Callout type="warning">
**Careful.** Read this.
</Callout>

<Tabs items={['Pages Router', 'App Router']}>
<Tabs.Tab>
One.
</Tabs.Tab>
<Tabs.Tab>
Two.
</Tabs.Tab>
</Tabs>

<Cards>
  <Cards.Card title="Decide" href="/decide/" arrow />
</Cards>

<img src="/diagrams/x.svg" alt="What the diagram shows." width={720} />

Press <kbd>Esc</kbd>, then see <Link href={source}>the source</Link>.
`),
      options,
    )
    expect(markdown).toContain('# Demo page\n')
    expect(markdown).toContain('> [!WARNING]\n> **Careful.** Read this.')
    expect(markdown).toContain('**Pages Router**\n\nOne.\n\n**App Router**\n\nTwo.')
    expect(markdown).toContain('- [Decide](/decide/)')
    expect(markdown).toContain('![What the diagram shows.](/diagrams/x.svg)')
    expect(markdown).toContain('Press `Esc`, then see [the source](https://example.org/course/blob/main/x.ts).')
  })

  it('refuses a component it cannot render, naming the file, the line and the fix', () => {
    expect(() => mdxToMarkdown(page('# Demo\n\n<Chart data={[1, 2]} />\n'), options)).toThrow(
      /^pages\/demo\.mdx:3: <Chart> has no Markdown form.*lib\/markdown\/components\.ts/,
    )
    expect(() => mdxToMarkdown(page('# Demo\n\n<Lab example="nope" />\n'), options)).toThrow(
      /pages\/demo\.mdx:3: .*nope/,
    )
  })

  it('finds the lab ids of a page', () => {
    expect(labIdsOf(page('<Lab example="a" />\n\ntext\n\n<Lab example="b" />\n'))).toEqual(['a', 'b'])
  })
})

describe('the decision tree as Markdown', () => {
  it('has every question, and the verdict rules with the number of answer sets behind each', () => {
    const markdown = decisionTreeMarkdown(decisionTree)
    for (const question of decisionTree.questions) expect(markdown).toContain(`**${question.text}** (${question.id},`)
    // The page's prose quotes these numbers: 56 "No", 7 "Yes, with care", 1 "Yes".
    expect(verdictCounts(decisionTree)).toEqual({ no: 56, 'yes-with-care': 7, yes: 1 })
    expect(markdown).toContain('when any blocker (N1, N2, N3) is answered "Yes" (56 of the 64 sets of answers)')
    expect(markdown).toContain('every condition (Y1, Y2, Y3) is answered "Yes" (1 of the 64 sets of answers)')
  })
})

describe('links', () => {
  it('keep query strings as a reader would copy them', () => {
    expect(mdxToMarkdown(page('# Demo\n\n[a verdict](/decide/?Y1=yes&Y2=no).\n'), options)).toBe(
      '# Demo\n\n[a verdict](/decide/?Y1=yes&Y2=no).\n',
    )
  })
})
