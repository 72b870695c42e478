/**
 * `<Lab example="…" />`: the thin entry that every lesson page ships in its first-load JS.
 *
 * It renders what the build prepared (title, the active file highlighted by shiki, the request
 * panel) and loads the interactive lab, with the editor and the engine, only when the lab nears
 * the viewport after the reader has arrived (readerArrival.ts), or when the reader focuses or
 * clicks it. The MDX plugin (lib/mdx/remark-lab.mjs) passes `meta`, `highlighted` and
 * `loadFiles`; lesson authors write only the `example` id.
 */
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react'
import styles from './Lab.module.css'
import type { LabInteractiveProps } from './LabInteractive'
import { initialPanelState } from './panelState'
import { RequestPanel } from './RequestPanel'
import { whenReaderArrives } from './readerArrival'
import { RunBar } from './RunBar'
import { StaticCode } from './StaticCode'
import type { LabProps, LabState } from './types'

export type { LabProps } from './types'

/** Start loading this far before the lab scrolls into view, so it is ready when the reader arrives. */
const PRELOAD_MARGIN = '600px 0px'

export function Lab(props: LabProps) {
  const { example, meta, highlighted } = props
  // The build injects `meta` (lib/mdx/remark-lab.mjs); only a misplaced <Lab> in development lacks it.
  if (process.env.NODE_ENV !== 'production' && !meta) {
    throw new Error(
      `<Lab example="${example}" /> was rendered without the props lib/mdx/remark-lab.mjs injects. Use it in an MDX page under pages/ (the plugin is registered in next.config.mjs).`,
    )
  }
  const rootRef = useRef<HTMLElement>(null)
  const [state, setState] = useState<LabState>('idle')
  const [panel, setPanel] = useState(() => initialPanelState(meta))
  const [Interactive, setInteractive] = useState<ComponentType<LabInteractiveProps> | null>(null)
  const [runWhenReady, setRunWhenReady] = useState(false)
  const started = useRef(false)
  const staticCodeRef = useRef<HTMLDivElement>(null)
  const [staticHtml, setStaticHtml] = useState(highlighted ?? '')

  const activate = useCallback(() => {
    if (started.current) return
    started.current = true
    // The build's highlight lives only in the static HTML (see StaticCode); keep it for the editor's fallback.
    setStaticHtml((current) => current || staticCodeRef.current?.innerHTML || '')
    setState('loading')
    // Start the worker and its database now, beside the editor's download, not after it.
    import('./labHost')
      .then((module) => module.warmUpLabHost())
      .catch(() => {
        // The first Run retries and reports the failure.
      })
    import('./LabInteractive')
      .then((module) => setInteractive(() => module.LabInteractive))
      .catch(() => {
        started.current = false
        setState('error')
      })
  }, [])

  useEffect(() => {
    const root = rootRef.current
    if (!root || typeof IntersectionObserver === 'undefined') return
    let cancelArrival = () => {}
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect()
          cancelArrival = whenReaderArrives(activate)
        }
      },
      { rootMargin: PRELOAD_MARGIN },
    )
    observer.observe(root)
    return () => {
      observer.disconnect()
      cancelArrival()
    }
  }, [activate])

  return (
    <section
      ref={rootRef}
      className={styles.lab}
      data-lab={example}
      data-state={state}
      aria-label={`Lab: ${meta.title}`}
      onFocusCapture={activate}
      onPointerDownCapture={activate}
    >
      <div className={styles.header}>
        <p className={styles.title}>{meta.title}</p>
        {meta.description && <p className={styles.description}>{meta.description}</p>}
      </div>
      {Interactive ? (
        <Interactive
          {...props}
          highlighted={staticHtml}
          panel={panel}
          onPanelChange={setPanel}
          onStateChange={setState}
          runWhenReady={runWhenReady}
        />
      ) : (
        <>
          <StaticCode meta={meta} highlighted={highlighted} codeRef={staticCodeRef} />
          <RequestPanel meta={meta} value={panel} onChange={setPanel} />
          <RunBar
            running={false}
            resetDisabled
            onReset={() => {}}
            onRun={() => {
              setRunWhenReady(true)
              activate()
            }}
          />
          {meta.exercise && (
            <div className={styles.exercise}>
              <p>
                <strong>Exercise:</strong> {meta.exercise.goal}
              </p>
            </div>
          )}
          <p className={styles.summary} role="status" aria-live="polite" data-testid="run-summary" />
        </>
      )}
    </section>
  )
}
