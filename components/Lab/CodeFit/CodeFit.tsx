/**
 * Code that fits: one owner for a lab's soft-wrap and focus-view state, which the editor reads
 * (CodeEditor.tsx) and whose controls sit in its file-tab row (CodeFitControls). Loaded with the
 * interactive lab, never in a page's first-load JS.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import styles from './CodeFit.module.css'
import { enterFocusView } from './focusView'
import { useWrapPreference } from './wrapPreference'

export interface CodeFitState {
  wrap: boolean
  /** Returns false when the browser would not keep the choice (storage full or disabled). */
  setWrap: (on: boolean) => boolean
  focused: boolean
  setFocused: (on: boolean) => void
  /** Where the controls live, so focus can return to the toggle after the focus view closes. */
  focusToggleRef: React.RefObject<HTMLButtonElement | null>
}

const CodeFitContext = createContext<CodeFitState | null>(null)

/** Null outside a CodeFit (the editor then neither wraps nor shows the controls). */
export function useCodeFit(): CodeFitState | null {
  return useContext(CodeFitContext)
}

export function CodeFit({ children }: { children: ReactNode }) {
  const [wrap, setWrap] = useWrapPreference()
  const [focused, setFocusedState] = useState(false)
  const focusToggleRef = useRef<HTMLButtonElement | null>(null)
  const setFocused = useCallback((on: boolean) => setFocusedState(on), [])

  useEffect(() => {
    const lab = focusToggleRef.current?.closest<HTMLElement>('section[data-lab]')
    if (!focused || !lab) return
    const leave = enterFocusView(lab, styles.focused, () => setFocusedState(false))
    return () => {
      leave()
      // Back where the reader was: the lab in the page, the toggle focused.
      lab.scrollIntoView({ block: 'nearest' })
      lab.querySelector<HTMLElement>('[data-focus-toggle]')?.focus()
    }
  }, [focused])

  const value = useMemo(
    () => ({ wrap, setWrap, focused, setFocused, focusToggleRef }),
    [wrap, setWrap, focused, setFocused],
  )
  return <CodeFitContext.Provider value={value}>{children}</CodeFitContext.Provider>
}
