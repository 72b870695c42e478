/**
 * The interactive lab as the entry (./index.tsx) mounts it in place of the idle static HTML: it takes
 * over what the reader did there (staticEdits.ts, handoff.ts) and renders LabInteractive with it.
 * Loaded on demand, with the example's files and meta.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { panelFromSnapshot, restoreFocus } from './handoff'
import { LabInteractive } from './LabInteractive'
import type { StaticSnapshot } from './staticEdits'
import type { LabModule, LabState } from './types'

// The entry takes the snapshot with this chunk's code, just before it mounts LabLoaded.
export { takeSnapshot } from './staticEdits'

/** A button the reader pressed in the idle lab that only the interactive lab can act on, by its name. */
export type PendingClick = 'Check' | 'Show solution'

export interface LabLoadedProps {
  example: string
  module: LabModule
  loadLab: () => Promise<LabModule>
  snapshot: StaticSnapshot
  /** Run (or Ctrl/⌘+Enter) was pressed in the idle lab. */
  runWhenReady: boolean
  pendingClick: PendingClick | null
  rootRef: RefObject<HTMLElement | null>
  onStateChange: (state: LabState) => void
}

export function LabLoaded({
  example,
  module,
  loadLab,
  snapshot,
  runWhenReady,
  pendingClick,
  rootRef,
  onStateChange,
}: LabLoadedProps) {
  const [panel, setPanel] = useState(() => panelFromSnapshot(module.meta, snapshot))
  const [filesReady, setFilesReady] = useState(false)
  const click = useRef(pendingClick)

  useLayoutEffect(() => {
    if (rootRef.current) restoreFocus(rootRef.current, snapshot)
  }, [rootRef, snapshot])

  // Identity must not change: LabInteractive loads the files again when it does.
  const handleState = useCallback(
    (state: LabState) => {
      onStateChange(state)
      if (state === 'idle') setFilesReady(true)
    },
    [onStateChange],
  )

  // Check and Show solution act on the files, so they are pressed again once the files are here.
  useEffect(() => {
    const name = click.current
    if (!filesReady || !name || !rootRef.current) return
    click.current = null
    for (const button of rootRef.current.querySelectorAll('button')) {
      if (button.textContent?.trim() === name) return button.click()
    }
  }, [filesReady, rootRef])

  return (
    <LabInteractive
      example={example}
      meta={module.meta}
      highlighted={snapshot.highlighted}
      loadFiles={loadLab}
      panel={panel}
      onPanelChange={setPanel}
      onStateChange={handleState}
      runWhenReady={runWhenReady}
    />
  )
}
