// `npm run docs:generate`: fills CONTRIBUTING.md's generated blocks and writes pages/contribute.mdx from it.
import { readFileSync, writeFileSync } from 'node:fs'
import { contributePage, fillGeneratedBlocks, generatedBlocks } from '@/lib/content/contributing-doc'

const template = readFileSync('.github/pull_request_template.md', 'utf8')
const guide = fillGeneratedBlocks(readFileSync('CONTRIBUTING.md', 'utf8'), generatedBlocks(template))
writeFileSync('CONTRIBUTING.md', guide)
writeFileSync('pages/contribute.mdx', contributePage(guide))
console.log('✓ wrote CONTRIBUTING.md and pages/contribute.mdx')
