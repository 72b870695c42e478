import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LESSON_WORDS } from '@/lib/content/content-checks'
import {
  contributePage,
  filledReadme,
  filledTemplate,
  fillGeneratedBlocks,
  generatedBlocks,
  reviewChecklist,
} from '@/lib/content/contributing-doc'
import { CI_STAGES, FAST_STAGES, leftForCi, STAGES } from '@/scripts/stages.mjs'

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

  it('lists the stages from scripts/stages.mjs in README.md, CONTRIBUTING.md and the pull-request template', () => {
    const readme = readFileSync('README.md', 'utf8')
    expect(readme, 'README.md is out of date: run `npm run docs:generate`').toBe(filledReadme(readme))
    expect(template, '.github/pull_request_template.md is out of date: run `npm run docs:generate`').toBe(
      filledTemplate(template),
    )
    for (const [name, text] of [
      ['README.md', readme],
      ['CONTRIBUTING.md', guide],
    ] as const) {
      for (const stage of STAGES)
        expect(text, `${name} does not list the stage ${stage.name}`).toContain(`| \`${stage.name}\` |`)
    }
    expect(template).toContain(
      `\`npm run check\` passes locally (${FAST_STAGES.map((stage) => stage.name).join(', ')})`,
    )
  })

  it('npm run check ends by naming every stage it left for CI, and which of them need the network', () => {
    const message = leftForCi()
    for (const stage of CI_STAGES) expect(message).toContain(stage.name)
    expect(message).toContain('examples (needs the npm registry: npm ci of examples/verify/ from the npm registry)')
    expect(message).toContain(`npm test -- ${CI_STAGES.map((stage) => stage.name).join(' ')}`)
  })

  it('states the word range the content check enforces, wherever it states one', () => {
    const range = `${LESSON_WORDS.min.toLocaleString('en-GB')}(–| to )${LESSON_WORDS.max.toLocaleString('en-GB')} words`
    for (const [name, text] of [
      ['CONTRIBUTING.md', guide],
      ['.github/pull_request_template.md', template],
    ] as const) {
      const stated = [...text.matchAll(/\b[\d,]+(?:–| to )[\d,]+ words\b/g)].map((match) => match[0])
      expect(stated.length, `${name} states no word range`).toBeGreaterThan(0)
      for (const found of stated) expect(found, `${name} states "${found}"`).toMatch(new RegExp(`^${range}$`))
    }
  })

  it('lists the pull-request checklist as the review checklist', () => {
    expect(reviewChecklist('## x\n\n- [ ] one\n- [ ] two\ntext')).toBe('- one\n- two')
  })

  it('names the block that is missing instead of writing nothing', () => {
    expect(() => fillGeneratedBlocks('# Guide', { 'meta-fields': 'x' })).toThrow(/<!-- generated:meta-fields -->/)
  })
})
