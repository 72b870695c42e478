/**
 * The shape of the "Should you query your database from API routes?" decision tree.
 *
 * The tree itself lives in `tree.ts` so a contributor can change a question, a reason or a link in one
 * pull request without touching the widget. This schema is the contract for that file: `tree.test.ts`
 * parses the tree with it, so a malformed edit fails CI with a message that names the field.
 */
import { z } from 'zod'
import { QUESTION_IDS, VERDICT_IDS, VERDICT_NODE } from './ids'

export { QUESTION_IDS, VERDICT_IDS, VERDICT_NODE }

export const QuestionIdSchema = z
  .enum(QUESTION_IDS)
  .describe(
    "The checklist item a question stands for: Y1-Y3 are the article's reasons to use API routes for database access, N1-N3 its reasons not to. The id is also the URL query key (?Y1=yes) and the e2e tests' data-question value, so never rename one.",
  )
export type QuestionId = z.infer<typeof QuestionIdSchema>

export const VerdictIdSchema = z
  .enum(VERDICT_IDS)
  .describe('Which verdict: `yes`, `yes-with-care` or `no`. Also the data-verdict value the e2e tests read.')
export type VerdictId = z.infer<typeof VerdictIdSchema>

export const NextNodeSchema = z
  .union([QuestionIdSchema, z.literal(VERDICT_NODE)])
  .describe(
    `Where an answer leads: the id of the next question, or "${VERDICT_NODE}" once every question has been asked.`,
  )
export type NextNode = z.infer<typeof NextNodeSchema>

export const InternalLinkSchema = z
  .object({
    label: z.string().min(1).describe('Link text, readable on its own (screen readers list links out of context).'),
    href: z
      .string()
      .regex(
        /^\/([a-z0-9-]+\/)*(#[a-z0-9-]+)?$/,
        'An internal link is a site path with a trailing slash and an optional #anchor, e.g. /where-they-hurt/#real-time-updates',
      )
      .describe(
        'A page of this site, with a trailing slash (the site is exported with trailingSlash: true) and an optional #anchor. The tree test checks that the page exists in pages/ and that the anchor is one of its headings.',
      ),
  })
  .describe('A link to a page of this course.')
export type InternalLink = z.infer<typeof InternalLinkSchema>

export const SourceLinkSchema = z
  .object({
    label: z.string().min(1).describe('Link text naming the source, e.g. "Vercel docs: WebSockets".'),
    href: z.url({ protocol: /^https$/ }).describe('The official page that backs the claim; https only.'),
  })
  .describe('An outside source for a factual claim.')
export type SourceLink = z.infer<typeof SourceLinkSchema>

export const UpdateSchema = z
  .object({
    text: z
      .string()
      .min(1)
      .describe('What has changed since the article was written, stated as a fact that is true today.'),
    sources: z.array(SourceLinkSchema).min(1).describe('Where the reader can check the fact. At least one.'),
  })
  .describe(
    "A note shown next to the article's advice where the ecosystem has moved on. The article's verdict stays; the note adds what is true now.",
  )
export type Update = z.infer<typeof UpdateSchema>

export const ReasonSchema = z
  .object({
    title: z
      .string()
      .min(1)
      .describe('A short statement of what the answer means for the reader\'s app, e.g. "You need real-time updates".'),
    articleSays: z
      .string()
      .min(1)
      .describe('Why this answer matters, in the words of the source article (paraphrased).'),
    whatToDo: z.string().min(1).describe('The concrete next step for this reason.'),
    whatToDoSources: z
      .array(SourceLinkSchema)
      .optional()
      .describe(
        'Sources for facts stated in `whatToDo` (ports, limits, product behaviour). Leave out when it states none.',
      ),
    links: z.array(InternalLinkSchema).min(1).describe('Course pages that cover this reason in depth.'),
    sinceTheArticle: z
      .array(UpdateSchema)
      .optional()
      .describe('What has changed since the article for this reason. Leave out when nothing has.'),
  })
  .describe(
    'Why an answer led to the verdict, and what to do about it. Shown inside the verdict, one per answer that mattered.',
  )
export type Reason = z.infer<typeof ReasonSchema>

export const AnswerSchema = z
  .object({
    next: NextNodeSchema,
    reason: ReasonSchema.optional().describe(
      'Present when this answer can matter for the verdict: "Yes" and "No" of a Y question, "Yes" of an N question. Absent for "No" to an N question, which never changes anything.',
    ),
  })
  .describe('One of the two answers to a question.')
export type Answer = z.infer<typeof AnswerSchema>

export const QuestionSchema = z
  .object({
    id: QuestionIdSchema,
    kind: z
      .enum(['condition', 'blocker'])
      .describe(
        'condition: a "use API routes if" item (Y1-Y3); "Yes" means it holds. blocker: a "don\'t, if" item (N1-N3); "Yes" means it applies and rules API routes out.',
      ),
    text: z
      .string()
      .min(1)
      .refine((text) => text.endsWith('?'), 'A question ends with a question mark')
      .describe(
        'The question, phrased so that "Yes" means the checklist item is true for the reader\'s app. Rendered as the fieldset legend.',
      ),
    explanation: z
      .string()
      .min(1)
      .describe('One or two sentences that help the reader answer. Shown under the question.'),
    learnMore: InternalLinkSchema.describe('The course page section that covers this question.'),
    answers: z
      .object({ yes: AnswerSchema, no: AnswerSchema })
      .describe('What "Yes" and "No" lead to and what they mean for the verdict.'),
  })
  .describe('A question of the tree: one checklist item of the article.')
export type Question = z.infer<typeof QuestionSchema>

export const VerdictSchema = z
  .object({
    id: VerdictIdSchema,
    title: z.string().min(1).describe('The verdict as a headline, e.g. "Yes, with care".'),
    summary: z.string().min(1).describe('One or two sentences that say what the verdict means.'),
    nextSteps: z
      .array(z.string().min(1))
      .min(1)
      .describe('General next steps for this verdict, on top of the per-reason advice.'),
    links: z.array(InternalLinkSchema).min(1).describe('Course pages to read next.'),
  })
  .describe('One of the three outcomes.')
export type Verdict = z.infer<typeof VerdictSchema>

export const DecisionTreeSchema = z
  .object({
    start: QuestionIdSchema.describe('The first question asked.'),
    questions: z.array(QuestionSchema).min(1).describe('Every question, in the order the widget shows them.'),
    verdicts: z.array(VerdictSchema).min(1).describe('Every verdict the rules can reach.'),
  })
  .superRefine((tree, ctx) => {
    const seen = new Set<string>()
    tree.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `Duplicate question id ${question.id}`,
        })
      }
      seen.add(question.id)
      const mattersWhen = question.kind === 'condition' ? (['yes', 'no'] as const) : (['yes'] as const)
      for (const value of mattersWhen) {
        if (!question.answers[value].reason) {
          ctx.addIssue({
            code: 'custom',
            path: ['questions', index, 'answers', value, 'reason'],
            message: `"${value}" to ${question.id} can decide the verdict, so it needs a reason`,
          })
        }
      }
    })
    for (const id of VERDICT_IDS) {
      if (!tree.verdicts.some((verdict) => verdict.id === id)) {
        ctx.addIssue({ code: 'custom', path: ['verdicts'], message: `Missing verdict ${id}` })
      }
    }
  })
  .describe('The whole decision tree: questions that lead from `start` to the verdict node, and the verdicts.')
export type DecisionTree = z.infer<typeof DecisionTreeSchema>
