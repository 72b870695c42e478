import { useEffect, useId, useRef, useState } from 'react'
import styles from './DecisionTree.module.css'

type CopyState = 'idle' | 'copied' | 'manual'

/**
 * Copies the current address, which holds every answer. Where the Clipboard API is unavailable
 * (an insecure origin, a denied permission) the link is shown selected so the reader can copy it by hand.
 */
export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>('idle')
  const [link, setLink] = useState('')
  const manualInput = useRef<HTMLInputElement>(null)
  const inputId = useId()

  useEffect(() => {
    if (state === 'manual') manualInput.current?.select()
    if (state !== 'copied') return
    const timer = window.setTimeout(() => setState('idle'), 4000)
    return () => window.clearTimeout(timer)
  }, [state])

  async function copy() {
    const href = window.location.href
    setLink(href)
    try {
      await navigator.clipboard.writeText(href)
      setState('copied')
    } catch {
      setState('manual')
    }
  }

  return (
    <>
      <button type="button" className={styles.button} onClick={copy}>
        Copy link
      </button>
      <span role="status" className={styles.copyStatus}>
        {state === 'copied' ? 'Link copied.' : ''}
      </span>
      {state === 'manual' && (
        <span className={styles.manualCopy}>
          <label htmlFor={inputId}>Copy this link:</label>{' '}
          <input id={inputId} ref={manualInput} readOnly value={link} className={styles.linkInput} />
        </span>
      )}
    </>
  )
}
