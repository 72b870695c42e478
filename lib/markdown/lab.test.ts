import { describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { describePreset, fence, labMarkdown, languageOf } from './lab'

describe('a lab as Markdown', () => {
  it('is its files in fenced blocks, in the editor order, with the language from the extension', async () => {
    const example = await loadExample('pooling-module-pool')
    const markdown = labMarkdown(example)
    expect(markdown).toContain('**Lab: One small pool per instance** (example `pooling-module-pool`)')
    for (const [path, code] of Object.entries(example.files)) {
      expect(markdown).toContain(`${fence(code, languageOf(path))}`)
    }
    const order = example.meta.visibleFiles.map((path) => markdown.indexOf(`\`${path}\``))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(markdown).toContain("`lib/db.ts`:\n\n```ts\nimport 'server-only'")
    expect(markdown).toContain('`db/schema.sql` (read-only):\n\n```sql\nCREATE TABLE todos')
    expect(markdown).toContain('`.env`:\n\n```dotenv\nDATABASE_URL=')
  })

  it('lists every preset with what it sends, the default marked', async () => {
    const markdown = labMarkdown(await loadExample('pooling-module-pool'))
    expect(markdown).toContain(
      '- **Burst of 50** (default): Fifty GET /api/todos at the same moment, against a database with max_connections 20. Sends 50 × `GET /api/todos`, all at once.',
    )
    expect(markdown).toContain('Sends 2 × `GET /api/todos`, 2 seconds apart.')
    expect(markdown).toContain(
      'Sends 50 × `GET /api/todos`, all at once, on Lambda, behind a transaction-mode pooler with 17 server connections.',
    )
    expect(markdown).toContain("With the files as they are, the default preset's last request answers 200.")
  })

  it('has the exercise, its checks and its solution', async () => {
    const example = await loadExample('caching-revalidate-exercise')
    const markdown = labMarkdown(example)
    expect(markdown).toContain(`**Exercise:** ${example.meta.exercise!.goal}`)
    for (const check of example.meta.exercise!.checks) expect(markdown).toContain(`- ${check.label}`)
    expect(markdown).toContain('<summary>Solution: the files it changes</summary>')
    for (const code of Object.values(example.solutionFiles!)) expect(markdown).toContain(code.trimEnd())
  })

  it('describes bodies, headers, start times and quotas', () => {
    expect(
      describePreset({
        name: 'x',
        scenario: {
          requests: [
            { path: '/api/a', headers: { authorization: 'Bearer t' } },
            { at: 1000, method: 'post', path: '/api/b', body: { title: 'Hi' }, count: 3, concurrency: 2 },
          ],
          database: { quota: { maxQueries: 100, windowMs: 60_000 } },
        },
      }),
    ).toBe(
      'Sends `GET /api/a` with `authorization: Bearer t`; then 3 × `POST /api/b` with body `{"title":"Hi"}`, at most 2 at a time, starting at 1 second, with a quota of 100 queries per 1 minute.',
    )
  })

  it('fences code that itself holds backtick fences with a longer fence', () => {
    expect(fence('a\n```js\nb\n```\n', 'md')).toBe('````md\na\n```js\nb\n```\n````')
    expect(languageOf('app/api/todos/[id]/route.ts')).toBe('ts')
    expect(languageOf('prisma/schema.prisma')).toBe('prisma')
    expect(languageOf('vercel.json')).toBe('json')
    expect(languageOf('NOTES')).toBe('text')
  })
})
