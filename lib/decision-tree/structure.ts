/**
 * Graph checks for the decision tree, used by its tests: a contributor who rewires `next` should be
 * told which path loops or which question nobody reaches, not just that "the test failed".
 */
import { VERDICT_NODE, type DecisionTree, type InternalLink, type NextNode, type QuestionId } from './schema'

export interface TreeWalk {
  /** Every path from the start question, each ending in the verdict node, a repeated node (cycle) or an unknown id. */
  paths: NextNode[][]
  /** Paths that come back to a node they already visited. */
  cycles: NextNode[][]
  /** Paths that point at a question id the tree does not have. */
  deadEnds: NextNode[][]
}

export function walkTree(tree: DecisionTree): TreeWalk {
  const byId = new Map(tree.questions.map((question) => [question.id, question]))
  const walk: TreeWalk = { paths: [], cycles: [], deadEnds: [] }

  function visit(node: NextNode, path: NextNode[]): void {
    const nextPath = [...path, node]
    if (path.includes(node)) {
      walk.paths.push(nextPath)
      walk.cycles.push(nextPath)
      return
    }
    if (node === VERDICT_NODE) {
      walk.paths.push(nextPath)
      return
    }
    const question = byId.get(node)
    if (!question) {
      walk.paths.push(nextPath)
      walk.deadEnds.push(nextPath)
      return
    }
    visit(question.answers.yes.next, nextPath)
    visit(question.answers.no.next, nextPath)
  }

  visit(tree.start, [])
  return walk
}

export function unreachableQuestions(tree: DecisionTree): QuestionId[] {
  const reached = new Set(walkTree(tree).paths.flat())
  return tree.questions.map((question) => question.id).filter((id) => !reached.has(id))
}

export interface LocatedLink {
  /** Where in the tree the link sits, for error messages. */
  where: string
  link: InternalLink
}

/** Every link to a course page anywhere in the tree. */
export function internalLinks(tree: DecisionTree): LocatedLink[] {
  const links: LocatedLink[] = []
  for (const question of tree.questions) {
    links.push({ where: `${question.id} learnMore`, link: question.learnMore })
    for (const value of ['yes', 'no'] as const) {
      for (const link of question.answers[value].reason?.links ?? []) {
        links.push({ where: `${question.id} "${value}" reason`, link })
      }
    }
  }
  for (const verdict of tree.verdicts) {
    for (const link of verdict.links) links.push({ where: `verdict ${verdict.id}`, link })
  }
  return links
}
