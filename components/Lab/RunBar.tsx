import { useEffect, useState } from 'react'
import styles from './Lab.module.css'

interface RunBarProps {
  onRun: () => void
  onReset: () => void
  running: boolean
  /** Shown instead of "Running…" while the run waits on something else (the database's start-up). */
  waiting?: React.ReactNode
  resetDisabled?: boolean
  children?: React.ReactNode
}

/**
 * Run and Reset. The names stay "Run" and "Reset" in every state (screen readers rely on them); code
 * knows the buttons by `data-action` (the static lab's hand-off, ./index.tsx), never by their text.
 */
export function RunBar({ onRun, onReset, running, waiting, resetDisabled, children }: RunBarProps) {
  const [modifier, setModifier] = useState('Ctrl')
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)) setModifier('⌘')
  }, [])
  return (
    <div className={styles.panel}>
      <div className={styles.row} style={{ alignItems: 'center' }}>
        <button
          type="button"
          className={styles.primary}
          onClick={onRun}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          data-action="run"
        >
          Run
        </button>
        <button type="button" className={styles.button} onClick={onReset} disabled={resetDisabled} data-action="reset">
          Reset
        </button>
        {children}
        {/* The keyboard hint is hidden on touch screens (.keyHint); the running status never is. */}
        {waiting ?? (
          <span className={running ? styles.kbd : `${styles.kbd} ${styles.keyHint}`}>
            {running
              ? 'Running… (Run again to restart)'
              : `${modifier} + Enter runs · in the code, Enter starts editing and Esc stops`}
          </span>
        )}
      </div>
    </div>
  )
}
