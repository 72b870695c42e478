import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { markdownFileOf, readCourse } from '@/lib/markdown/course'
import { markdownHref } from './href'

describe('the "View as Markdown" address', () => {
  it('is where the build writes each page’s Markdown', async () => {
    for (const { route } of await readCourse(resolve(import.meta.dirname, '../..'))) {
      const pathname = route === '/' ? '/' : route.slice(0, -1) // the router's pathname has no trailing slash
      expect(markdownHref(pathname), route).toBe(`/${markdownFileOf(route)}`)
    }
  })

  it('is absent on the 404 page', () => {
    expect(markdownHref('/404')).toBeNull()
  })
})
