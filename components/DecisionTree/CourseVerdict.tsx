import Link from 'next/link'
import type { AnswerMap } from '@/lib/decision-tree/answers'
import {
  courseVerdict,
  HOST_QUESTION,
  JOBS_QUESTION,
  pointSources,
  type CourseAnswers,
  type CourseQuestion,
} from '@/lib/decision-tree/course'
import { formatCheckedDate } from '@/lib/facts/lookup'
import { PageLinks } from './PageLinks'
import styles from './DecisionTree.module.css'

/** A point's text with its `code` spans as <code>, as the lessons show them. */
function withCode(text: string) {
  return text
    .split(/(`[^`]+`)/)
    .map((part, index) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
        <code key={index}>{part.slice(1, -1)}</code>
      ) : (
        part
      ),
    )
}

const WEIGHT_LABEL = { yes: 'Fits', 'yes-with-care': 'Fix needed', no: 'Move it' } as const

function CourseQuestionField<Value extends string>({
  question,
  value,
  disabled,
  idPrefix,
  onChoose,
}: {
  question: CourseQuestion<Value>
  value: Value | undefined
  disabled: boolean
  idPrefix: string
  onChoose(value: Value): void
}) {
  const explanationId = `${idPrefix}-${question.param}-explanation`
  return (
    <fieldset
      className={styles.question}
      data-question={question.param}
      data-answered={value ? 'true' : 'false'}
      aria-describedby={explanationId}
    >
      <legend className={styles.legend}>{question.text}</legend>
      <div className={styles.choices}>
        {question.options.map((option) => {
          const id = `${idPrefix}-${question.param}-${option.value}`
          return (
            <label key={option.value} className={styles.choice} htmlFor={id}>
              <input
                id={id}
                type="radio"
                name={`${idPrefix}-${question.param}`}
                value={option.value}
                checked={value === option.value}
                disabled={disabled}
                onChange={() => onChoose(option.value)}
              />
              {option.label}
            </label>
          )
        })}
      </div>
      <p id={explanationId} className={styles.explanation}>
        {question.explanation}{' '}
        <Link href={question.learnMore.href} className={styles.link}>
          {question.learnMore.label}
        </Link>
      </p>
    </fieldset>
  )
}

/**
 * The course's verdict for 2026, under the article's: two more questions (where the app runs, what kind
 * of background work), and points that each link the lab that proves them and the facts they rest on.
 */
export function CourseVerdict({
  answers,
  course,
  disabled,
  idPrefix,
  onChoose,
}: {
  answers: AnswerMap
  course: CourseAnswers
  disabled: boolean
  idPrefix: string
  onChoose(param: 'host' | 'jobs', value: string): void
}) {
  const decision = courseVerdict(answers, course)
  const headingId = `${idPrefix}-course-verdict`
  return (
    <section
      className={styles.verdict}
      data-testid="course-verdict"
      data-verdict={decision.status === 'complete' ? decision.verdict : undefined}
      aria-labelledby={headingId}
    >
      <p className={styles.verdictLabel}>The course’s verdict for 2026</p>
      <p>
        The verdict above applies the article’s checklist as written. The labs add what it leaves out: where your app
        runs, and whether background work may be lost.
      </p>
      <CourseQuestionField
        question={HOST_QUESTION}
        value={course.host}
        disabled={disabled}
        idPrefix={idPrefix}
        onChoose={(value) => onChoose('host', value)}
      />
      {answers.N3 === 'yes' && (
        <CourseQuestionField
          question={JOBS_QUESTION}
          value={course.jobs}
          disabled={disabled}
          idPrefix={idPrefix}
          onChoose={(value) => onChoose('jobs', value)}
        />
      )}
      <div aria-live="polite">
        {decision.status === 'complete' ? (
          <>
            <h2 id={headingId} className={styles.verdictTitle}>
              {decision.title}
            </h2>
            <p>{decision.summary}</p>
            <ul className={styles.reasons}>
              {decision.points.map((point) => {
                const sources = pointSources(point)
                return (
                  <li key={point.id} className={styles.reason} data-point={point.id} data-weight={point.weight}>
                    <h3 className={styles.reasonTitle}>
                      {point.title} <span className={styles.muted}>({WEIGHT_LABEL[point.weight]})</span>
                    </h3>
                    <p>{withCode(point.text)}</p>
                    <PageLinks links={point.labs} label="See it in the lab:" />
                    {sources.length > 0 && (
                      <p className={styles.sources}>
                        {sources.length === 1 ? 'Source' : 'Sources'}:{' '}
                        {sources.map((source, index) => (
                          <span key={`${source.href}-${index}`}>
                            {index > 0 && '; '}
                            <a href={source.href} className={styles.link}>
                              {source.label}
                            </a>{' '}
                            (checked {formatCheckedDate(source.checked)})
                          </span>
                        ))}
                      </p>
                    )}
                  </li>
                )
              })}
            </ul>
          </>
        ) : (
          <p id={headingId} className={styles.pending}>
            {decision.missing.includes('host')
              ? 'Say where your app runs to see the course’s verdict.'
              : 'Say what kind of background work it is to see the course’s verdict.'}
          </p>
        )}
      </div>
    </section>
  )
}
