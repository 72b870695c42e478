/**
 * An exercise's hints, revealed one at a time before "Show solution": the button that reveals the
 * next one (it sits in the exercise's row of buttons) and the hints revealed so far. The count is
 * the reader's, kept by ./useRevealedHints.ts.
 */
import { useEffect, useRef } from 'react'
import styles from '../Lab.module.css'
import hintStyles from './Hints.module.css'

/** Reveals the next hint. In the static lab (no `onReveal`) it only holds the button's place. */
export function HintButton({ revealed, total, onReveal }: { revealed: number; total: number; onReveal?: () => void }) {
  if (revealed >= total) return null
  return (
    <button type="button" className={styles.button} onClick={onReveal} name="show-hint" data-testid="show-hint">
      {revealed === 0 ? 'Show a hint' : 'Show another hint'}
      <span className={styles.kbd}>
        {' '}
        ({revealed + 1} of {total})
      </span>
    </button>
  )
}

interface HintListProps {
  hints: string[]
  revealed: number
  announced: number | null
  hasSolution: boolean
}

export function HintList({ hints, revealed, announced, hasSolution }: HintListProps) {
  const last = useRef<HTMLLIElement>(null)
  // The button is gone once the last hint shows: the focus goes to that hint rather than to the page.
  useEffect(() => {
    if (announced === hints.length && revealed === hints.length) last.current?.focus()
  }, [announced, revealed, hints.length])
  return (
    <>
      {revealed > 0 && (
        <ol className={hintStyles.hints} aria-label="Hints" data-testid="hints">
          {hints.slice(0, revealed).map((hint, index) => (
            <li key={index} ref={index === revealed - 1 ? last : undefined} tabIndex={-1} className={hintStyles.hint}>
              <strong>
                Hint {index + 1} of {hints.length}:
              </strong>{' '}
              {hint}
            </li>
          ))}
        </ol>
      )}
      {revealed === hints.length && revealed > 0 && (
        <p className={styles.hint}>
          That was the last hint.{hasSolution && ' Still stuck? “Show solution” shows a working version.'}
        </p>
      )}
      <p className={styles.srOnly} aria-live="polite" data-testid="hint-announcement">
        {announced ? `Hint ${announced} of ${hints.length}: ${hints[announced - 1]}` : ''}
      </p>
    </>
  )
}
