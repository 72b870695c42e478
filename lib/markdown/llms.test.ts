import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSite } from '@/lib/content/site-pages'
import { markdownAliasOf, markdownFileOf, readCourse } from './course'
import { llmsFullTxt, llmsTxt, sectionsOf } from './llms'

const ROOT = resolve(import.meta.dirname, '../..')
const site = { title: 'Course', description: 'What it is.' }

describe('llms.txt', () => {
  it('lists every page of the sidebar once, in reading order, with the 404 page left out', async () => {
    const course = await readCourse(ROOT)
    const pages = (await readSite(ROOT)).pages.filter((page) => page.route !== '/404/')
    const listed = course.map((page) => page.route)
    // A page missing from its _meta.ts is missing here too; say which, since check:content names the fix.
    const unlisted = pages.filter((page) => !listed.includes(page.route)).map((page) => page.file)
    expect(unlisted, 'pages not in the sidebar (check:content says which _meta.ts to add them to)').toEqual([])
    expect(listed.sort()).toEqual(pages.map((page) => page.route).sort())
    expect(course.slice(0, 3).map((page) => page.route)).toEqual(['/', '/playground/', '/why-api-routes-work/'])
  })

  it('has the convention’s shape: H1, blockquote, then sections of described links, contributors under Optional', async () => {
    const course = await readCourse(ROOT)
    const text = llmsTxt(site, course)
    expect(text.startsWith('# Course\n\n> What it is.\n\n')).toBe(true)
    expect(sectionsOf(course).map((section) => section.title)).toEqual([
      'Introduction',
      'Why API routes work',
      'Where they hurt',
      'Decide',
      'Optional',
    ])
    expect(text).toMatch(
      /^## Why API routes work\n\n- \[Why API routes work\]\(\/why-api-routes-work\/index\.md\): .+\n- \[Simplicity\]/m,
    )
    expect(text).toMatch(/## Optional\n\n- \[Contribute\]\(\/contribute\/index\.md\): /)
    for (const line of text.split('\n').filter((candidate) => candidate.startsWith('- '))) {
      expect(line).toMatch(/^- \[[^\]]+\]\(\/([a-z0-9-]+\/)*index\.md\): \S/)
    }
  })

  it('llms-full.txt holds every page in reading order, contributor pages last', async () => {
    const course = await readCourse(ROOT)
    const full = llmsFullTxt(site, course, (page) => `# ${page.title}\n`)
    const positions = course.filter((page) => !page.optional).map((page) => full.indexOf(`# ${page.title}\n`))
    expect(positions.every((position) => position > 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(full.indexOf('# Contribute')).toBeGreaterThan(positions.at(-1)!)
  })

  it('publishes each route at <route>/index.md and <route>.md', () => {
    expect(markdownFileOf('/')).toBe('index.md')
    expect(markdownFileOf('/where-they-hurt/vendor-lock-in/')).toBe('where-they-hurt/vendor-lock-in/index.md')
    expect(markdownAliasOf('/decide/')).toBe('decide.md')
    expect(markdownAliasOf('/')).toBeUndefined()
  })
})
