import { useEffect, useState } from 'react'
import styles from './Lab.module.css'

interface RunBarProps {
  onRun: () => void
  onReset: () => void
  running: boolean
  resetDisabled?: boolean
  children?: React.ReactNode
}

/** Run and Reset. The names stay "Run" and "Reset" in every state: tests and screen readers rely on them. */
export function RunBar({ onRun, onReset, running, resetDisabled, children }: RunBarProps) {
  const [modifier, setModifier] = useState('Ctrl')
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)) setModifier('⌘')
  }, [])
  return (
    <div className={styles.panel}>
      <div className={styles.row} style={{ alignItems: 'center' }}>
        <button type="button" className={styles.primary} onClick={onRun} aria-keyshortcuts="Control+Enter Meta+Enter">
          Run
        </button>
        <button type="button" className={styles.button} onClick={onReset} disabled={resetDisabled}>
          Reset
        </button>
        {children}
        {/* The keyboard hint is hidden on touch screens (.keyHint); the running status never is. */}
        <span className={running ? styles.kbd : `${styles.kbd} ${styles.keyHint}`}>
          {running
            ? 'Running… (Run again to restart)'
            : `${modifier} + Enter runs · in the code, Enter starts editing and Esc stops`}
        </span>
      </div>
    </div>
  )
}
