// The second half of the `types` stage: every example's code against Next.js 16, pg and @vercel/functions
// (lib/examples/typecheck.ts), then every TypeScript snippet of the pages against the real packages
// (lib/examples/typecheck-snippets.ts). Errors name examples/<id>/… or pages/….mdx with line and column.
import { typecheckExamples } from '@/lib/examples/typecheck'
import { typecheckSnippets } from '@/lib/examples/typecheck-snippets'

const started = Date.now()
const result = typecheckExamples(process.cwd())
const seconds = ((Date.now() - started) / 1000).toFixed(1)
let failed = false
if (result.diagnostics.length) {
  console.error(result.text)
  console.error(
    `✗ examples: ${result.diagnostics.length} type error${result.diagnostics.length === 1 ? '' : 's'} in ${result.files} files (${seconds} s)`,
  )
  failed = true
} else {
  console.log(
    `✓ examples: ${result.files} files type-check against Next.js 16, and ${result.routes} route files fit its handler signature (${seconds} s)`,
  )
}

const snippetsStarted = Date.now()
const snippets = typecheckSnippets(process.cwd())
const snippetSeconds = ((Date.now() - snippetsStarted) / 1000).toFixed(1)
if (snippets.errors.length) {
  console.error(snippets.errors.join('\n'))
  console.error(
    `✗ page snippets: ${snippets.errors.length} type error${snippets.errors.length === 1 ? '' : 's'} in ${snippets.snippets} snippets (${snippetSeconds} s). Fix the snippet, or mark a fragment that cannot stand alone with check=parse after its filename.`,
  )
  failed = true
} else {
  console.log(
    `✓ page snippets: ${snippets.snippets} TypeScript blocks type-check against the real packages (${snippetSeconds} s)`,
  )
}
if (failed) process.exit(1)
