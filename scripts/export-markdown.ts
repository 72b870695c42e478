#!/usr/bin/env tsx
// The post-build step of `npm run build`: every page of out/ also as Markdown, plus llms.txt and
// llms-full.txt (lib/markdown/). Usage: tsx scripts/export-markdown.ts [outDir=out]
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { renderMarkdownExport, writeMarkdownExport } from '@/lib/markdown/export'

const outDir = resolve(process.argv[2] ?? 'out')
if (!existsSync(resolve(outDir, 'index.html'))) {
  console.error(`No static site in ${outDir}: run \`next build\` first (\`npm run build\` runs both).`)
  process.exit(1)
}

try {
  const { pages, files } = await renderMarkdownExport(process.cwd())
  writeMarkdownExport(outDir, files)
  const bytes = Object.values(files).reduce((sum, content) => sum + Buffer.byteLength(content), 0)
  console.log(
    `Markdown: ${pages.length} pages, llms.txt and llms-full.txt written to ${outDir} (${Object.keys(files).length} files, ${(bytes / 1e3).toFixed(0)} kB)`,
  )
} catch (error) {
  console.error(`Markdown export failed: ${(error as Error).message}`)
  process.exit(1)
}
