import { useState } from 'react'
import { useCodeFit } from './CodeFit'
import styles from './CodeFit.module.css'

/** "Wrap lines" and "Focus view": toggle buttons (aria-pressed) at the end of the editor's file-tab row. */
export function CodeFitControls() {
  const fit = useCodeFit()
  const [notKept, setNotKept] = useState(false)
  if (!fit) return null
  const { wrap, setWrap, focused, setFocused, focusToggleRef } = fit
  return (
    <div className={styles.controls} role="group" aria-label="Code layout">
      <button
        type="button"
        className={styles.toggle}
        aria-pressed={wrap}
        title={
          notKept
            ? 'This browser is not keeping the choice (storage is full or disabled): it lasts until you leave the page.'
            : 'Wrap long lines to the width of the editor (remembered for every lab)'
        }
        onClick={() => setNotKept(!setWrap(!wrap))}
      >
        Wrap lines
      </button>
      <button
        ref={focusToggleRef}
        data-focus-toggle
        type="button"
        className={styles.toggle}
        aria-pressed={focused}
        title={focused ? 'Back to the page (Esc)' : 'Open the lab over the whole window, so long lines fit'}
        onClick={() => setFocused(!focused)}
      >
        Focus view
      </button>
    </div>
  )
}
