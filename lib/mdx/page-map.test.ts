import { describe, expect, it } from 'vitest'
import { withoutDescriptions } from './page-map.mjs'

describe('the page map every page loads', () => {
  it('drops descriptions, and titles the folder’s _meta already gives, at every depth', () => {
    const pageMap = [
      { data: { a: 'A', b: { display: 'hidden' }, c: 'C' } },
      { name: 'a', route: '/a', frontMatter: { title: 'A', description: 'About A' } },
      { name: 'b', route: '/b', frontMatter: { title: 'B' } },
      {
        name: 'c',
        route: '/c',
        children: [
          { data: { x: 'X' } },
          { name: 'x', route: '/c/x', frontMatter: { title: 'X', theme: { toc: false } } },
        ],
      },
    ]
    expect(withoutDescriptions(pageMap)).toEqual([
      { data: { a: 'A', b: { display: 'hidden' }, c: 'C' } },
      { name: 'a', route: '/a' },
      // No title in _meta: the theme falls back to the front matter's.
      { name: 'b', route: '/b', frontMatter: { title: 'B' } },
      {
        name: 'c',
        route: '/c',
        children: [{ data: { x: 'X' } }, { name: 'x', route: '/c/x', frontMatter: { theme: { toc: false } } }],
      },
    ])
  })

  it("reads a folder's _meta.ts when Nextra passes its import's name instead of its object", () => {
    const pageMap = [
      { data: 'meta' },
      { name: 'playground', route: '/playground', frontMatter: { title: 'Playground' } },
      { name: 'not-in-meta', route: '/not-in-meta', frontMatter: { title: 'Kept' } },
      {
        name: 'where-they-hurt',
        route: '/where-they-hurt',
        children: [
          { data: 'where_they_hurt_meta' },
          {
            name: 'vendor-lock-in',
            route: '/where-they-hurt/vendor-lock-in',
            frontMatter: { title: 'Vendor lock-in' },
          },
        ],
      },
    ]
    expect(withoutDescriptions(pageMap, '')).toEqual([
      { data: 'meta' },
      { name: 'playground', route: '/playground' },
      { name: 'not-in-meta', route: '/not-in-meta', frontMatter: { title: 'Kept' } },
      {
        name: 'where-they-hurt',
        route: '/where-they-hurt',
        children: [
          { data: 'where_they_hurt_meta' },
          { name: 'vendor-lock-in', route: '/where-they-hurt/vendor-lock-in' },
        ],
      },
    ])
  })
})
