/**
 * What the lab says about a share link: the code came from a link and has not run, with the ways
 * back; or why a link could not be opened. The notice takes the focus when nothing else has it
 * (the reader has just opened the link), so a screen reader reads it first.
 */
import { useEffect, useRef, useState } from 'react'
import labStyles from '../Lab.module.css'
import styles from './Share.module.css'

export interface SharedLinkNoticeProps {
  /** Files the link changes, by path. */
  changedFiles: string[]
  /** Files the link changes that this lab does not have (or does not let readers edit): left out. */
  ignoredFiles: string[]
  /** The link was made for an earlier version of the example. */
  exampleChanged: boolean
  /** The reader has a saved version of this lab, which keeping the shared code would replace. */
  hasOwnVersion: boolean
  onBack: () => void
  onKeep: () => void
}

export function SharedLinkNotice(props: SharedLinkNoticeProps) {
  const { changedFiles, ignoredFiles, exampleChanged, hasOwnVersion, onBack, onKeep } = props
  const [confirming, setConfirming] = useState(false)
  const root = useFocusWhenUnfocused()
  const back = hasOwnVersion ? 'Back to my version' : 'Back to the original'
  return (
    <div ref={root} className={styles.notice} role="status" tabIndex={-1} data-testid="share-notice">
      <p className={styles.text}>
        <span className={styles.title}>This code came from a share link.</span> It changes {changedFiles.join(', ')}.
        Nothing has run: read it, then press Run if you want to. Edits here are not saved unless you keep this version.
        {exampleChanged && ' The link was made for an earlier version of this example.'}
        {ignoredFiles.length > 0 &&
          ` Left out, because this lab has no such editable file: ${ignoredFiles.join(', ')}.`}
      </p>
      {confirming ? (
        <span className={styles.actions}>
          <span>This replaces the version of this lab you saved.</span>
          <button type="button" className={labStyles.button} onClick={onKeep}>
            Replace my version
          </button>
          <button type="button" className={labStyles.button} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <span className={styles.actions}>
          <button type="button" className={labStyles.button} onClick={onBack}>
            {back}
          </button>
          <button
            type="button"
            className={labStyles.button}
            onClick={() => (hasOwnVersion ? setConfirming(true) : onKeep())}
          >
            Keep this version
          </button>
        </span>
      )}
    </div>
  )
}

export interface ShareProblemNoticeProps {
  message: string
  /** What the lab shows instead. */
  showing: 'the original' | 'your saved version'
  onDismiss: () => void
}

export function ShareProblemNotice({ message, showing, onDismiss }: ShareProblemNoticeProps) {
  const root = useFocusWhenUnfocused()
  return (
    <div
      ref={root}
      className={`${styles.notice} ${styles.problem}`}
      role="alert"
      tabIndex={-1}
      data-testid="share-problem"
    >
      <p className={styles.text}>
        {message} The lab shows {showing} instead.
      </p>
      <button type="button" className={labStyles.button} onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}

function useFocusWhenUnfocused() {
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const active = document.activeElement
    if (!active || active === document.body) root.current?.focus({ preventScroll: false })
  }, [])
  return root
}
