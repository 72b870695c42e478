// `npm run docs:generate`: fills the generated blocks of the pull-request template, README.md and CONTRIBUTING.md
// (the stage list from scripts/stages.mjs, the example meta fields, the review checklist) and writes
// pages/contribute.mdx from CONTRIBUTING.md.
import { readFileSync, writeFileSync } from 'node:fs'
import {
  contributePage,
  filledReadme,
  filledTemplate,
  fillGeneratedBlocks,
  generatedBlocks,
} from '@/lib/content/contributing-doc'

const template = filledTemplate(readFileSync('.github/pull_request_template.md', 'utf8'))
writeFileSync('.github/pull_request_template.md', template)
writeFileSync('README.md', filledReadme(readFileSync('README.md', 'utf8')))
const guide = fillGeneratedBlocks(readFileSync('CONTRIBUTING.md', 'utf8'), generatedBlocks(template))
writeFileSync('CONTRIBUTING.md', guide)
writeFileSync('pages/contribute.mdx', contributePage(guide))
console.log('✓ wrote .github/pull_request_template.md, README.md, CONTRIBUTING.md and pages/contribute.mdx')
