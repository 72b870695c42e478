import { describe, expect, it } from 'vitest'
import { headingAnchors, slugify } from './heading-anchors'

describe('heading anchors', () => {
  it('slug headings like github-slugger', () => {
    expect(slugify('Cold starts and connection pooling')).toBe('cold-starts-and-connection-pooling')
    expect(slugify('ISR and caching')).toBe('isr-and-caching')
    expect(slugify('What "yes, with care" means?')).toBe('what-yes-with-care-means')
    expect(slugify('after() & cron: 2026')).toBe('after--cron-2026')
  })

  it('read headings from MDX, skipping code fences and keeping custom ids', () => {
    const mdx = [
      '# Title',
      '## `after()` and [cron](https://example.com)',
      '```md',
      '## Not a heading',
      '```',
      '## Title',
      '### Custom [#my-id]',
    ].join('\n')
    expect(headingAnchors(mdx)).toEqual(['title', 'after-and-cron', 'title-1', 'my-id'])
  })
})
