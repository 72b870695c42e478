// `npm run check:content`: the machine-checkable half of reviewing a lesson (see lib/content/content-checks.ts).
import { LESSON_WORDS } from '@/lib/content/content-checks'
import { formatProblem } from '@/lib/content/problem'
import { runContentChecks } from '@/lib/content/run-checks'

const report = await runContentChecks(process.cwd(), { allowDrafts: process.argv.includes('--allow-drafts') })
for (const problem of report.problems) console.error(formatProblem(problem))
console.log(
  `  words of prose per lesson (the range is ${LESSON_WORDS.min.toLocaleString('en-GB')}–${LESSON_WORDS.max.toLocaleString('en-GB')}):`,
)
for (const lesson of report.lessons) console.log(`  ${lesson.words.toString().padStart(5)} words  ${lesson.file}`)
const verdict = report.problems.length === 0 ? '✓' : '✗'
console.log(
  `${verdict} content: ${report.pages} pages, ${report.lessons.length} lessons, ${report.examples} examples, ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`,
)
process.exit(report.problems.length ? 1 : 0)
