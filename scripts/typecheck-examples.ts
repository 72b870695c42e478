// The second half of the `types` stage: every example's code against Next.js 16, pg and @vercel/functions
// (lib/examples/typecheck.ts). Errors name examples/<id>/… with line and column.
import { typecheckExamples } from '@/lib/examples/typecheck'

const started = Date.now()
const result = typecheckExamples(process.cwd())
const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (result.diagnostics.length) {
  console.error(result.text)
  console.error(
    `✗ examples: ${result.diagnostics.length} type error${result.diagnostics.length === 1 ? '' : 's'} in ${result.files} files (${seconds} s)`,
  )
  process.exit(1)
}
console.log(
  `✓ examples: ${result.files} files type-check against Next.js 16, and ${result.routes} route files fit its handler signature (${seconds} s)`,
)
