/**
 * Runs in the SITE's toolchain (like engine-runner.ts), because it imports the generator the Lab's
 * Download button uses (lib/download/project.ts) and the example loader.
 *
 *   tsx examples/verify/scripts/download-runner.ts <variants.json> <out-dir>
 *
 * For every variant the verifier loaded (an example's starter files, or an exercise's solution as if
 * the reader had typed it), generates the project and its zip exactly as the button does, writes
 * `<out-dir>/<key>.zip`, unpacks it into `<out-dir>/<key>/` (so what is verified is what the zip
 * holds), and writes `<out-dir>/downloads.json` (./downloads.ts reads it).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { loadExample } from '../../../lib/examples/load'
import { generateProject, zipProject } from '../../../lib/download/project'
import { repositoryUrl } from '../../../lib/site/config.mjs'
import type { Variant } from './variants'

export interface DownloadRecord {
  key: string
  /** The unpacked project. */
  dir: string
  zipBytes: number
  /** Files the download adds around the lab's own (package.json, scripts/, README.md, …). */
  scaffold: string[]
}

const [variantsFile, outDir] = process.argv.slice(2)
if (!variantsFile || !outDir) throw new Error('usage: download-runner.ts <variants.json> <out-dir>')
const variants = JSON.parse(readFileSync(variantsFile, 'utf8')) as Variant[]
rmSync(outDir, { recursive: true, force: true })
mkdirSync(outDir, { recursive: true })

/** The lesson page that embeds an example, as a link to its source (the site's address is not known here). */
function lessonUrl(id: string): string {
  const found = (function find(dir: string): string | undefined {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        const inner = find(path)
        if (inner) return inner
      } else if (/\.mdx$/.test(entry.name) && readFileSync(path, 'utf8').includes(`<Lab example="${id}"`)) return path
    }
    return undefined
  })('pages')
  return `${repositoryUrl()}/blob/main/${found ?? 'pages'}`
}

const records: DownloadRecord[] = []
for (const variant of variants) {
  const example = await loadExample(variant.id)
  const project = generateProject({
    id: variant.id,
    meta: example.meta,
    files: variant.files,
    edited: variant.kind === 'solution',
    lessonUrl: lessonUrl(variant.id),
  })
  const zip = zipProject(project)
  writeFileSync(join(outDir, `${variant.key}.zip`), zip)
  const dir = join(outDir, variant.key)
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    if (!path.startsWith(`${project.name}/`)) throw new Error(`${variant.key}.zip: ${path} is outside ${project.name}/`)
    const file = join(dir, path.slice(project.name.length + 1))
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, bytes)
  }
  records.push({ key: variant.key, dir, zipBytes: zip.length, scaffold: project.scaffold })
}
writeFileSync(join(outDir, 'downloads.json'), JSON.stringify(records, null, 2))
console.log(`DOWNLOADS ${records.length}`)
