/**
 * `<Lab example="…" />`: the small entry that every page with a lab ships in its first-load JS.
 *
 * The idle lab (title, the active file highlighted by shiki, the request panel, Run and Reset, the
 * exercise, the summary line) is HTML rendered at build time (LabIdle.tsx inside ServerOnly), as
 * static prose is: none of it is in the page's JavaScript. This entry only
 * - loads the interactive lab (LabLoaded.tsx, with the editor behind it) and the example's files and
 *   meta (`loadLab`, one chunk per example) when the lab nears the viewport after the reader has
 *   arrived (readerArrival.ts), or at once when the reader focuses or presses something in it;
 * - keeps what the reader does meanwhile in the static controls: which fields they changed, and
 *   the action of the last button they pressed (its `data-action`: run, check, toggle-solution) or
 *   Ctrl/⌘+Enter (run). At the handoff the values, the focus and the caret are read off the static
 *   controls (staticEdits.ts), and all of it goes to the lab's session as data (LabLoaded.tsx);
 * - swaps the static HTML for the interactive lab in one synchronous render, so no keystroke falls
 *   between reading the static controls and the interactive ones taking over, and never while a
 *   pointer is pressed in it, so the click that ends the press reaches the button it began on.
 *
 * lib/mdx/remark-lab.mjs passes `title`, `loadLab` and (at build time only) `meta` and `highlighted`;
 * lesson authors write only the `example` id.
 */
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react'
import { flushSync } from 'react-dom'
import { ServerOnly } from '@/components/MDX/ServerOnly'
import styles from './LabFrame.module.css'
import type * as LabIdleModule from './LabIdle'
import type { LabLoadedProps } from './LabLoaded'
import { whenReaderArrives } from './readerArrival'
import { readShareTarget } from './Share/target'
import type { LabEmbedProps, LabMeta, LabState } from './types'

export type { LabEmbedProps } from './types'

/** Start loading this far before the lab scrolls into view, so it is ready when the reader arrives. */
const PRELOAD_MARGIN = '600px 0px'

/**
 * The idle lab's markup, rendered at build time only. A `require` (not an `import`) because Next's
 * compiler folds `typeof window` in the browser bundle and webpack then never follows this branch, so
 * LabIdle, RequestPanel, RunBar, StaticCode and ExercisePanel stay out of the page's first-load JS
 * (an `import` would keep them as side-effect imports). LabInteractive loads them with itself.
 */
function buildTimeView(view: 'LabHeader' | 'LabIdle', meta: LabMeta | undefined, highlighted?: string) {
  if (typeof window === 'undefined' && meta) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const views = require('./LabIdle') as typeof LabIdleModule
    return view === 'LabHeader' ? (
      <views.LabHeader meta={meta} />
    ) : (
      <views.LabIdle meta={meta} highlighted={highlighted} />
    )
  }
  return undefined
}

type Loaded = { Component: ComponentType<LabLoadedProps> } & Omit<LabLoadedProps, 'rootRef' | 'onStateChange'>

export function Lab({ example, title, meta, highlighted, loadLab }: LabEmbedProps) {
  // The build injects `loadLab` (lib/mdx/remark-lab.mjs); only a misplaced <Lab> in development lacks it.
  if (process.env.NODE_ENV !== 'production' && !loadLab) {
    throw new Error(
      `<Lab example="${example}" /> was rendered without the props lib/mdx/remark-lab.mjs injects. Use it in an MDX page under pages/ (the plugin is registered in next.config.mjs).`,
    )
  }
  const rootRef = useRef<HTMLElement>(null)
  const [state, setState] = useState<LabState>('idle')
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const started = useRef(false)
  // Names of the static controls the reader changed, in order (staticEdits.ts reads them).
  const edited = useRef<string[]>([])
  const pendingAction = useRef<LabLoadedProps['pendingAction']>(null)
  // The MDX page makes a new function on each render; the first one is enough.
  const load = useRef(loadLab)
  // A pointer pressed in the static lab, and the swap to the interactive lab if it came meanwhile.
  const pressing = useRef(false)
  const swapAfterPress = useRef<(() => void) | null>(null)

  const activate = useCallback(() => {
    if (started.current) return
    started.current = true
    setState('loading')
    // Start the worker and its database now, beside the editor's download, not after it.
    import('./labHost')
      .then((module) => module.warmUpLabHost())
      .catch(() => {
        // The first Run retries and reports the failure.
      })
    Promise.all([import('./LabLoaded'), load.current()])
      .then(([{ LabLoaded, takeSnapshot }, module]) => {
        const swap = () => {
          const snapshot = takeSnapshot(rootRef.current?.querySelector('[data-so-idle]') ?? null, edited.current)
          flushSync(() =>
            setLoaded({
              Component: LabLoaded,
              example,
              module,
              snapshot,
              pendingAction: pendingAction.current,
            }),
          )
        }
        // Not in the middle of a press: the pressed button would go, and the browser sends the click of a
        // press that ends on another element to neither, so a Run pressed just then would be lost.
        if (pressing.current) swapAfterPress.current = swap
        else swap()
      })
      .catch(() => {
        started.current = false
        setState('error')
      })
  }, [example])

  useEffect(() => {
    const root = rootRef.current
    if (!root) return
    // A share link to this lab (Share/target.ts), on load or pasted into this tab later: open it now and show it.
    const openLinked = () => {
      if (readShareTarget()?.example !== example) return false
      activate()
      root.scrollIntoView({ block: 'start' })
      return true
    }
    window.addEventListener('hashchange', openLinked)
    const stopLinks = () => window.removeEventListener('hashchange', openLinked)
    if (openLinked() || typeof IntersectionObserver === 'undefined') return stopLinks
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
      stopLinks()
      observer.disconnect()
      cancelArrival()
    }
  }, [activate, example])

  // The press ends wherever the pointer is then; the click (if any) follows its pointerup in the same task.
  useEffect(() => {
    const onRelease = () => {
      if (!pressing.current) return
      pressing.current = false
      const swap = swapAfterPress.current
      swapAfterPress.current = null
      if (swap) setTimeout(swap, 0)
    }
    window.addEventListener('pointerup', onRelease, true)
    window.addEventListener('pointercancel', onRelease, true)
    return () => {
      window.removeEventListener('pointerup', onRelease, true)
      window.removeEventListener('pointercancel', onRelease, true)
    }
  }, [])

  // Handlers for the static controls; once the interactive lab is there, it handles everything.
  const idle = loaded === null
  const onPointerDownCapture = () => {
    if (idle) pressing.current = true
    activate()
  }
  const onClick = (event: React.MouseEvent) => {
    const action = (event.target as Element).closest('[data-action]')?.getAttribute('data-action')
    if (action) {
      pendingAction.current = action as LabLoadedProps['pendingAction']
      activate()
    }
  }
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      pendingAction.current = 'run'
      activate()
    }
  }

  const LoadedLab = loaded?.Component
  return (
    <section
      ref={rootRef}
      className={styles.lab}
      data-lab={example}
      data-state={state}
      aria-label={`Lab: ${title}`}
      onFocusCapture={activate}
      onPointerDownCapture={onPointerDownCapture}
      onInput={idle ? (event) => edited.current.push((event.target as HTMLInputElement).name) : undefined}
      onClick={idle ? onClick : undefined}
      onKeyDown={idle ? onKeyDown : undefined}
    >
      <ServerOnly as="div" className={styles.header} data-so={`lab-${example}`}>
        {buildTimeView('LabHeader', meta)}
      </ServerOnly>
      {loaded && LoadedLab ? (
        <LoadedLab {...loaded} rootRef={rootRef} onStateChange={setState} />
      ) : (
        <ServerOnly as="div" data-so-idle={example}>
          {buildTimeView('LabIdle', meta, highlighted)}
        </ServerOnly>
      )}
    </section>
  )
}
