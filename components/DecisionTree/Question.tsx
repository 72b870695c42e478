import Link from 'next/link'
import type { AnswerValue } from '@/lib/decision-tree/answers'
import type { Question as QuestionData } from '@/lib/decision-tree/schema'
import styles from './DecisionTree.module.css'

const CHOICES: { value: AnswerValue; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]

export function radioId(idPrefix: string, questionId: string, value: AnswerValue): string {
  return `${idPrefix}-${questionId}-${value}`
}

interface QuestionProps {
  question: QuestionData
  value: AnswerValue | undefined
  disabled: boolean
  idPrefix: string
  onAnswer(value: AnswerValue): void
}

/** One checklist item as a native radio group: arrow keys, Space and screen readers work without extra code. */
export function Question({ question, value, disabled, idPrefix, onAnswer }: QuestionProps) {
  const explanationId = `${idPrefix}-${question.id}-explanation`
  return (
    <fieldset
      className={styles.question}
      data-question={question.id}
      data-answered={value ? 'true' : 'false'}
      aria-describedby={explanationId}
    >
      <legend className={styles.legend}>{question.text}</legend>
      <div className={styles.choices}>
        {CHOICES.map((choice) => (
          <label key={choice.value} className={styles.choice} htmlFor={radioId(idPrefix, question.id, choice.value)}>
            <input
              id={radioId(idPrefix, question.id, choice.value)}
              type="radio"
              name={`${idPrefix}-${question.id}`}
              value={choice.value}
              checked={value === choice.value}
              disabled={disabled}
              onChange={() => onAnswer(choice.value)}
            />
            {choice.label}
          </label>
        ))}
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
