import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { internalLinkProblems } from '@/lib/content/content-checks'
import { readSite, type Site } from '@/lib/content/site-pages'
import { DecisionTreeSchema, QUESTION_IDS, VERDICT_NODE, type DecisionTree } from './schema'
import { internalLinks, unreachableQuestions, walkTree } from './structure'
import { decisionTree } from './tree'

const ROOT = path.resolve(__dirname, '../..')
let site: Site
beforeAll(async () => {
  site = await readSite(ROOT)
})

/** What is wrong with a link (empty when it resolves), in one line. */
function linkProblem(href: string): string {
  return internalLinkProblems(site, href)
    .map((problem) => problem.message)
    .join(' ')
}

function cloneTree(): DecisionTree {
  return structuredClone(decisionTree)
}

describe('the decision tree data', () => {
  it('matches the schema', () => {
    const result = DecisionTreeSchema.safeParse(decisionTree)
    expect(result.success ? [] : result.error.issues).toEqual([])
  })

  it('has exactly the six checklist questions', () => {
    expect(decisionTree.questions.map((question) => question.id).sort()).toEqual([...QUESTION_IDS].sort())
  })

  it('treats Y questions as conditions and N questions as blockers', () => {
    for (const question of decisionTree.questions) {
      expect(question.kind, question.id).toBe(question.id.startsWith('Y') ? 'condition' : 'blocker')
    }
  })

  it('ends every path in the verdict, with no cycles and no unknown ids', () => {
    const walk = walkTree(decisionTree)
    expect(walk.cycles).toEqual([])
    expect(walk.deadEnds).toEqual([])
    for (const route of walk.paths) expect(route.at(-1)).toBe(VERDICT_NODE)
  })

  it('reaches every question', () => {
    expect(unreachableQuestions(decisionTree)).toEqual([])
  })

  it('asks every question on every path, because the rules need all six answers', () => {
    for (const route of walkTree(decisionTree).paths) {
      expect(route.slice(0, -1).sort()).toEqual([...QUESTION_IDS].sort())
    }
  })

  it('lists questions in the order the paths ask them, which is the order the widget shows', () => {
    const [firstPath] = walkTree(decisionTree).paths
    expect(firstPath.slice(0, -1)).toEqual(decisionTree.questions.map((question) => question.id))
  })

  it('links only to pages and headings that exist', () => {
    const problems = internalLinks(decisionTree)
      .map(({ where, link }) => {
        const problem = linkProblem(link.href)
        return problem && `${where}: ${link.href}: ${problem}`
      })
      .filter(Boolean)
    expect(problems).toEqual([])
  })
})

describe('the well-formedness checks themselves', () => {
  it('notice a cycle', () => {
    const tree = cloneTree()
    tree.questions.find((question) => question.id === 'N2')!.answers.no.next = 'Y2'
    expect(walkTree(tree).cycles).not.toEqual([])
  })

  it('notice an unreachable question', () => {
    const tree = cloneTree()
    tree.questions.find((question) => question.id === 'Y3')!.answers.yes.next = 'N2'
    tree.questions.find((question) => question.id === 'Y3')!.answers.no.next = 'N2'
    expect(unreachableQuestions(tree)).toEqual(['N1'])
  })

  it('notice a path that leads to an unknown question', () => {
    const tree = cloneTree()
    tree.questions.find((question) => question.id === 'N3')!.answers.yes.next = 'N1'
    tree.questions.splice(
      tree.questions.findIndex((question) => question.id === 'N1'),
      1,
    )
    tree.questions.find((question) => question.id === 'Y3')!.answers.yes.next = 'N2'
    tree.questions.find((question) => question.id === 'Y3')!.answers.no.next = 'N2'
    const { deadEnds } = walkTree(tree)
    expect(deadEnds.length).toBeGreaterThan(0)
    for (const route of deadEnds) expect(route.at(-1)).toBe('N1')
  })

  it('notice a missing page and a missing anchor', () => {
    expect(linkProblem('/no-such-page/')).toMatch(/no page/)
    expect(linkProblem('/decide/#no-such-heading')).toMatch(/no heading/)
    expect(linkProblem('/decide/')).toBe('')
  })

  it('notice a reason missing from an answer that decides the verdict', () => {
    const tree = cloneTree()
    delete tree.questions.find((question) => question.id === 'N1')!.answers.yes.reason
    expect(DecisionTreeSchema.safeParse(tree).success).toBe(false)
  })
})
