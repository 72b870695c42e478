// `npm run new:lesson -- --section where-they-hurt --title "Read replicas" --slug read-replicas`
// Asks for whatever is not given as a flag, then scaffolds the page, its sidebar entry, a starter example and its test.
import { createInterface } from 'node:readline/promises'
import { LESSON_SECTIONS } from '@/lib/content/site-pages'
import { scaffoldLesson, slugFromTitle, validateLessonRequest } from '@/lib/content/scaffold-lesson'

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? undefined : process.argv[index + 1]
}

async function ask() {
  let section = flag('section')
  let title = flag('title')
  let slug = flag('slug')
  if (section && title && slug) return { section, title, slug }
  if (!process.stdin.isTTY) {
    throw new Error('Give --section, --title and --slug (no terminal to ask in).')
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout })
  section ??= (await prompt.question(`Section (${LESSON_SECTIONS.join(' or ')}): `)).trim()
  title ??= (await prompt.question('Title (sentence case): ')).trim()
  const suggested = slugFromTitle(title)
  slug ??= (await prompt.question(`Slug [${suggested}]: `)).trim() || suggested
  prompt.close()
  return { section, title, slug }
}

try {
  const request = await ask()
  const problems = validateLessonRequest(process.cwd(), request)
  if (problems.length) throw new Error(problems.join('\n'))
  const written = scaffoldLesson(process.cwd(), request)
  console.log(written.map((path) => `  created ${path}`).join('\n'))
  console.log(
    `\nNext: write the lesson in pages/${request.section}/${request.slug}.mdx, shape examples/${request.slug}/, ` +
      `run \`npm run check:content -- --allow-drafts\` and \`npm run dev\`, and remove \`draft: true\` when it is done.`,
  )
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
