// `npm run new:lesson -- --section where-they-hurt --title "Read replicas" --slug read-replicas`
// Asks for whatever is not given as a flag, then scaffolds the page, its sidebar entry, the lesson's example,
// its exercise example and their test, and says what is left to do.
import { createInterface } from 'node:readline/promises'
import { didYouMean } from '@/lib/content/did-you-mean'
import { LESSON_SECTIONS } from '@/lib/content/site-pages'
import {
  exerciseId,
  nextSteps,
  scaffoldLesson,
  slugFromTitle,
  validateLessonRequest,
} from '@/lib/content/scaffold-lesson'

const HELP = `Scaffolds a draft lesson whose page builds and whose examples and test run; the content checks then name what is left.

Usage:
  npm run new:lesson                                   asks for each value
  npm run new:lesson -- --section <section> --title "<Title>" [--slug <slug>]

Options:
  --section  ${LESSON_SECTIONS.join(' | ')}
  --title    the page title, in sentence case; its casing is kept ("Idempotency keys for POST routes")
  --slug     lower-case words joined by hyphens (default: from the title); the page's URL and example id
  --help     this text

Creates pages/<section>/<slug>.mdx (draft: true), examples/<slug>/ (the lesson's lab),
examples/<slug>-exercise/ (the exercise, with its solution/) and tests/unit/lessons/<slug>.test.ts,
and adds the page to pages/<section>/_meta.ts. It then lists what it cannot do for you.`

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? undefined : process.argv[index + 1]
}

async function ask() {
  let section = flag('section')
  let title = flag('title')
  let slug = flag('slug')
  if (section && title) return { section, title, slug: slug ?? slugFromTitle(title) }
  if (!process.stdin.isTTY) {
    throw new Error('Give --section and --title (and optionally --slug): there is no terminal to ask in. See --help.')
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout })
  section ??= (await prompt.question(`Section (${LESSON_SECTIONS.join(' or ')}): `)).trim()
  title ??= (await prompt.question('Title (sentence case): ')).trim()
  const suggested = slugFromTitle(title)
  slug ??= (await prompt.question(`Slug [${suggested}]: `)).trim() || suggested
  prompt.close()
  return { section, title, slug }
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(HELP)
  process.exit(0)
}

const FLAGS = ['--section', '--title', '--slug', '--help']
const unknown = process.argv.slice(2).filter((arg) => arg.startsWith('-') && !FLAGS.includes(arg))
if (unknown.length) {
  for (const arg of unknown) console.error(`Unknown option ${arg}.${didYouMean(arg, FLAGS)} See --help.`)
  process.exit(1)
}

try {
  const request = await ask()
  const problems = validateLessonRequest(process.cwd(), request)
  if (problems.length) throw new Error(problems.join('\n'))
  const { created, updated } = scaffoldLesson(process.cwd(), request)
  console.log([...created.map((path) => `  created ${path}`), ...updated.map((path) => `  updated ${path}`)].join('\n'))
  console.log(
    `\nThe lesson embeds <Lab example="${request.slug}" /> and <Lab example="${exerciseId(request.slug)}" />.`,
  )
  console.log(
    `\nNext:\n${nextSteps(request)
      .map((step, index) => `  ${index + 1}. ${step}`)
      .join('\n')}`,
  )
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
