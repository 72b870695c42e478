/**
 * The decision tree (`<DecisionTree />` on /decide/) as Markdown: every question with its explanation, what
 * each answer means for the verdict, and the verdicts with the rule that reaches each. The rules are
 * lib/decision-tree/rules.ts's; the number of answer sets behind each verdict is counted by running
 * `decide` over all of them, so the text cannot drift from the widget.
 */
import type { AnswerMap } from '@/lib/decision-tree/answers'
import { decide } from '@/lib/decision-tree/rules'
import type { DecisionTree, InternalLink, Question, Reason, SourceLink, VerdictId } from '@/lib/decision-tree/schema'

const link = ({ label, href }: InternalLink | SourceLink) => `[${label}](${href})`

function reasonLines(reason: Reason, indent: string): string[] {
  const lines = [`${indent}- Means: **${reason.title}.** ${reason.articleSays}`]
  const sources = reason.whatToDoSources?.length ? ` (${reason.whatToDoSources.map(link).join(', ')})` : ''
  lines.push(`${indent}- What to do: ${reason.whatToDo}${sources}`)
  for (const update of reason.sinceTheArticle ?? []) {
    lines.push(`${indent}- Since the article: ${update.text} (${update.sources.map(link).join(', ')})`)
  }
  lines.push(`${indent}- Read more: ${reason.links.map(link).join(', ')}`)
  return lines
}

function questionMarkdown(question: Question, index: number): string {
  const kind = question.kind === 'condition' ? 'a condition for API routes' : 'a blocker'
  const lines = [
    `${index + 1}. **${question.text}** (${question.id}, ${kind}) ${question.explanation} Covered in ${link(question.learnMore)}.`,
  ]
  for (const value of ['yes', 'no'] as const) {
    const reason = question.answers[value].reason
    const answer = value === 'yes' ? 'Yes' : 'No'
    if (!reason) {
      lines.push(`   - ${answer}: changes nothing in the verdict.`)
      continue
    }
    lines.push(`   - ${answer}:`, ...reasonLines(reason, '     '))
  }
  return lines.join('\n')
}

/** How many of the 2^n sets of answers lead to each verdict, by the widget's own rules. */
export function verdictCounts(tree: DecisionTree): Record<VerdictId, number> {
  const counts: Record<VerdictId, number> = { yes: 0, 'yes-with-care': 0, no: 0 }
  const ids = tree.questions.map((question) => question.id)
  for (let bits = 0; bits < 2 ** ids.length; bits++) {
    const answers: AnswerMap = Object.fromEntries(ids.map((id, i) => [id, bits & (1 << i) ? 'yes' : 'no']))
    const decision = decide(tree, answers)
    if (decision.status === 'complete') counts[decision.verdict.id]++
  }
  return counts
}

export function decisionTreeMarkdown(tree: DecisionTree): string {
  const ids = (kind: Question['kind']) =>
    tree.questions
      .filter((question) => question.kind === kind)
      .map((question) => question.id)
      .join(', ')
  const rules: Record<VerdictId, string> = {
    no: `any blocker (${ids('blocker')}) is answered "Yes"`,
    yes: `no blocker applies and every condition (${ids('condition')}) is answered "Yes"`,
    'yes-with-care': 'no blocker applies and at least one condition is answered "No"',
  }
  const order: VerdictId[] = ['no', 'yes', 'yes-with-care']
  const counts = verdictCounts(tree)
  const total = 2 ** tree.questions.length

  const verdicts = order.map((id) => {
    const verdict = tree.verdicts.find((candidate) => candidate.id === id)!
    return [
      `- **${verdict.title}** when ${rules[id]} (${counts[id]} of the ${total} sets of answers). ${verdict.summary}`,
      ...verdict.nextSteps.map((step) => `  - ${step}`),
      `  - Read next: ${verdict.links.map(link).join(', ')}`,
    ].join('\n')
  })

  return [
    `**The checklist** (the interactive decision tree on this page). Answer each question "Yes" or "No" for your app; the verdict comes once all ${tree.questions.length} are answered.`,
    tree.questions.map(questionMarkdown).join('\n'),
    '**The verdict**, by these rules in this order:',
    verdicts.join('\n'),
  ].join('\n\n')
}
