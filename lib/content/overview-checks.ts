/**
 * A section's overview introduces every lesson of the section, and the counts written in prose ("five
 * ways", "the ten lessons") agree with the lessons that exist. Adding a lesson without updating the
 * overview, the wrap-up or the introduction fails here, at the line to change.
 */
import { readFrontmatter } from './frontmatter'
import { findLinks, proseLines } from './mdx-scan'
import { lineOf, type ContentProblem } from './problem'
import { LESSON_SECTIONS, type Site, type SitePage } from './site-pages'

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
]

/** What each section's lessons are called in the course's prose. */
const SECTION_NOUNS: Record<(typeof LESSON_SECTIONS)[number], string> = {
  'why-api-routes-work': 'strengths',
  'where-they-hurt': 'weaknesses',
}

/** Nouns that count a section's lessons in its overview; "ways" only in the opening, where it names the section. */
const OVERVIEW_NOUNS = /^(lessons|topics|places|reasons|strengths|weaknesses)$/i
const OPENING_ONLY_NOUNS = /^ways$/i

const COUNT = new RegExp(`\\b(${NUMBER_WORDS.join('|')}|\\d+)\\s+([a-z]+)\\b`, 'gi')

function numberOf(word: string): number {
  const index = NUMBER_WORDS.indexOf(word.toLowerCase())
  return index === -1 ? Number(word) : index
}

function spelled(count: number): string {
  return NUMBER_WORDS[count] ?? String(count)
}

interface FoundCount {
  line: number
  text: string
  count: number
  noun: string
  inOpening: boolean
}

/** Counts written as "five ways", in the front matter and prose (not in code), with whether they open the page. */
function findCounts(page: SitePage): FoundCount[] {
  const counts: FoundCount[] = []
  let inOpening = true
  const frontmatterLines = readFrontmatter(page.source).lineCount
  for (const { number, text } of proseLines(page.source)) {
    if (/^##\s/.test(text)) inOpening = false
    if (/^\s*(import|export)\s/.test(text)) continue
    let prose = text.replace(/`[^`]*`/g, '')
    // Quoted prose is an example of wording (as in the Contribute page), not a claim about the course.
    if (number > frontmatterLines) prose = prose.replace(/"[^"]*"|“[^”]*”/g, '')
    for (const match of prose.matchAll(COUNT)) {
      counts.push({ line: number, text: match[0], count: numberOf(match[1]), noun: match[2].toLowerCase(), inOpening })
    }
  }
  return counts
}

/** The section's lessons, without sub-lessons (which continue one of them). */
function sectionLessons(site: Site, section: string): SitePage[] {
  return site.pages.filter((page) => page.lessonSection === section && !page.parentLesson)
}

function linksTo(page: SitePage, route: string): boolean {
  return findLinks(page.source).some(({ href }) => {
    const path = href.split('#')[0].split('?')[0]
    return path === route || `${path}/` === route
  })
}

function mismatch(page: SitePage, found: FoundCount, expected: number, where: string): ContentProblem {
  return {
    file: page.file,
    line: found.line,
    message: `says "${found.text}", but ${where} ${expected === 1 ? 'has 1 lesson' : `has ${expected} lessons`}.`,
    fix: `Change the count to ${spelled(expected)}, or reword the sentence, and check the rest of it still holds.`,
  }
}

export function checkSectionOverviews(site: Site): ContentProblem[] {
  const problems: ContentProblem[] = []
  const allLessons = site.pages.filter((page) => page.lessonSection && !page.parentLesson)
  for (const section of LESSON_SECTIONS) {
    const overview = site.pages.find((page) => page.route === `/${section}/`)
    const lessons = sectionLessons(site, section)
    if (!overview || lessons.length === 0) continue
    const lastLessonLink = [...findLinks(overview.source)]
      .reverse()
      .find(({ href }) => href.startsWith(`/${section}/`) && href !== `/${section}/`)
    for (const lesson of lessons) {
      if (linksTo(overview, lesson.route)) continue
      problems.push({
        file: overview.file,
        line: lastLessonLink?.line ?? overview.source.split('\n').length,
        message: `does not link the section's lesson ${lesson.file} (${lesson.route}).`,
        fix: `Introduce it here as the other lessons are, ending with **In the lesson:** [Title](${lesson.route}), and check the counts in the overview ("${spelled(lessons.length)} …").`,
      })
    }
    // A sub-lesson is introduced by the lesson it continues.
    for (const sub of site.pages.filter((page) => page.lessonSection === section && page.parentLesson)) {
      const parent = site.pages.find((page) => page.route === sub.parentLesson)
      if (!parent) {
        problems.push({
          file: sub.file,
          line: 1,
          message: `sits in a folder of ${sub.parentLesson}, but there is no such lesson.`,
          fix: `Move it to pages/${section}/ as a lesson of its own, or next to the lesson page it continues.`,
        })
      } else if (!linksTo(parent, sub.route)) {
        problems.push({
          file: parent.file,
          line: parent.source.split('\n').length,
          message: `does not link its sub-lesson ${sub.file} (${sub.route}).`,
          fix: `Say where the lesson continues, with a link to ${sub.route}.`,
        })
      }
    }
    for (const found of findCounts(overview)) {
      const counts = OVERVIEW_NOUNS.test(found.noun) || (found.inOpening && OPENING_ONLY_NOUNS.test(found.noun))
      if (counts && found.count !== lessons.length) {
        problems.push(mismatch(overview, found, lessons.length, `pages/${section}/`))
      }
    }
  }
  for (const page of site.pages) {
    if (page.lessonSection || LESSON_SECTIONS.some((section) => page.route === `/${section}/`)) continue
    for (const found of findCounts(page)) {
      if (found.noun === 'lessons' && found.count !== allLessons.length && found.count > 1) {
        problems.push(mismatch(page, found, allLessons.length, 'the course'))
      }
      for (const section of LESSON_SECTIONS) {
        const lessons = sectionLessons(site, section).length
        if (found.noun === SECTION_NOUNS[section] && found.count !== lessons) {
          problems.push(mismatch(page, found, lessons, `pages/${section}/`))
        }
      }
    }
  }
  return problems
}

/** The wrap-up recaps every lesson: a lesson it does not link was added without updating it. */
export function checkWrapUp(site: Site): ContentProblem[] {
  const wrapUp = site.pages.find((page) => page.route === '/wrap-up/')
  if (!wrapUp) return []
  const table = lineOf(wrapUp.source, /^## The .* lessons/m) ?? 1
  return site.pages
    .filter((page) => page.lessonSection && !linksTo(wrapUp, page.route))
    .map((lesson) => ({
      file: wrapUp.file,
      line: table,
      message: `does not recap the lesson ${lesson.file} (${lesson.route}).`,
      fix: `Add a row for it to the table, with the lesson in one sentence and a link to ${lesson.route}.`,
    }))
}
