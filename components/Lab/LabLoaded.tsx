/**
 * The interactive lab as the entry (./index.tsx) mounts it in place of the idle static HTML, with the
 * lab's module (loaded once, by the entry) and what the reader did in the static lab as data
 * (handoff.ts): it creates the lab's session (session/) from both, puts the focus and the caret back
 * where they were, and reports the session's state as the section's `data-state`.
 */
import { useEffect, useLayoutEffect, type RefObject } from 'react'
import { restoreFocus } from './handoff'
import { LabInteractive } from './LabInteractive'
import { labStateOf, type PendingAction } from './session/state'
import { useLabSession } from './session/useLabSession'
import type { StaticSnapshot } from './staticEdits'
import type { LabModule, LabState } from './types'

// The entry takes the snapshot with this chunk's code, just before it mounts LabLoaded.
export { takeSnapshot } from './staticEdits'

export interface LabLoadedProps {
  example: string
  module: LabModule
  snapshot: StaticSnapshot
  /** What the reader pressed in the static lab that only the interactive lab can do. */
  pendingAction: PendingAction | null
  rootRef: RefObject<HTMLElement | null>
  onStateChange: (state: LabState) => void
}

export function LabLoaded({ example, module, snapshot, pendingAction, rootRef, onStateChange }: LabLoadedProps) {
  const { state, commands } = useLabSession(example, module, { snapshot, pendingAction })

  useLayoutEffect(() => {
    if (rootRef.current) restoreFocus(rootRef.current, snapshot)
  }, [rootRef, snapshot])

  const labState = labStateOf(state)
  useEffect(() => onStateChange(labState), [labState, onStateChange])

  return (
    <LabInteractive
      example={example}
      meta={module.meta}
      highlighted={snapshot.highlighted}
      state={state}
      commands={commands}
    />
  )
}
