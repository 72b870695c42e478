import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contributePage, fillGeneratedBlocks, generatedBlocks, reviewChecklist } from '@/lib/content/contributing-doc'

const template = readFileSync('.github/pull_request_template.md', 'utf8')
const guide = readFileSync('CONTRIBUTING.md', 'utf8')

describe('the contributor guide', () => {
  it('documents every example meta field exactly as the schema describes it', () => {
    expect(guide, 'CONTRIBUTING.md is out of date: run `npm run docs:generate`').toBe(
      fillGeneratedBlocks(guide, generatedBlocks(template)),
    )
  })

  it('is what the Contribute page shows', () => {
    expect(
      readFileSync('pages/contribute.mdx', 'utf8'),
      'pages/contribute.mdx is out of date: run `npm run docs:generate`',
    ).toBe(contributePage(guide))
  })

  it('lists the pull-request checklist as the review checklist', () => {
    expect(reviewChecklist('## x\n\n- [ ] one\n- [ ] two\ntext')).toBe('- one\n- two')
  })

  it('names the block that is missing instead of writing nothing', () => {
    expect(() => fillGeneratedBlocks('# Guide', { 'meta-fields': 'x' })).toThrow(/<!-- generated:meta-fields -->/)
  })
})
