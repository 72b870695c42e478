/**
 * The release statuses and version labels the December 2026 fact-check moved into lib/facts (Vercel's
 * "public beta" products, Workflows' general availability, the legacy Vercel limits, the PostgreSQL
 * version that reworded the reserved-slots refusal): the content check now fails a page that retypes
 * them, at the line, and names the fact to render instead. The sentences below are the ones the pages
 * used to have.
 */
import { describe, expect, it } from 'vitest'
import { checkHandwrittenFacts } from '@/lib/content/fact-checks'
import type { SitePage } from '@/lib/content/site-pages'

const page = (body: string): SitePage => ({
  file: 'pages/demo.mdx',
  route: '/demo/',
  key: 'demo',
  metaFile: 'pages/_meta.ts',
  source: `# Demo\n\n${body}\n`,
})
const flagged = (body: string) =>
  checkHandwrittenFacts(page(body)).map((problem) => problem.message.split(' by hand')[0])

describe('retyped release statuses and version labels', () => {
  it.each([
    [
      'Vercel Functions support [WebSockets in public beta](https://vercel.com/docs/functions/websockets)',
      'vercel-websockets',
    ],
    ['- Vercel Functions now support WebSockets (public beta), closed at the duration limit', 'vercel-websockets'],
    [
      'Vercel labels Cron Jobs legacy and moves them to [Schedules](https://vercel.com/docs/schedules), in public beta',
      'vercel-schedules',
    ],
    [
      'next to Queues, Workflows and always-on Daemons, also in [public beta](https://vercel.com/docs/background-workers).',
      'vercel-workflows',
    ],
    ['run as a Daemon (public beta), and Vercel Queues is a managed queue', 'vercel-daemons'],
    ['Vercel Queues (public beta) is a managed queue', 'vercel-queues'],
    ['duration: default 5 minutes (was 10 s on Hobby, 60 s on Pro)', 'vercel-legacy-duration'],
    ['The older Vercel figures of 10 s (Hobby) and 60 s (Pro) belong to the legacy model.', 'vercel-legacy-duration'],
    [
      '`FATAL: …` (PostgreSQL 16 and later); the older text (PostgreSQL 15 and older)',
      'postgres-reserved-slots-wording-version',
    ],
  ])('%s → %s', (body, id) => {
    expect(flagged(body)).toContain(`retypes the fact "${id}"`)
  })

  it('leaves the rendered form alone', () => {
    expect(
      flagged(
        'Vercel Functions support [WebSockets](https://vercel.com/docs/functions/websockets) (<Fact id="vercel-websockets" />), and Schedules (<Fact id="vercel-schedules" />); legacy: <Fact id="vercel-legacy-duration" />; (<Fact id="postgres-reserved-slots-wording-version" /> and later).',
      ),
    ).toEqual([])
  })
})
