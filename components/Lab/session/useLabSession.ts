/**
 * Creates a lab's session once, when the interactive lab mounts with the lab's module, and wires the
 * session to the outside world: the action pressed in the static lab, the share link in the URL, the
 * page's database start-up, and saving on the way out. Returns the session's state and its commands.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { buildScenario } from '@/lib/examples/scenario'
import { panelFromSnapshot } from '../handoff'
import { getLabHost, runOnLabHost } from '../labHost'
import { openSharedFiles, readShareTarget } from '../Share'
import type { StaticSnapshot } from '../staticEdits'
import { loadEdits } from '../storage'
import type { LabModule } from '../types'
import { labCommands, type LabCommands } from './commands'
import { recordedRunsFor } from './recordedRun'
import { createLabSession, PENDING_ACTIONS, type LabSessionState, type PendingAction } from './state'

/** What the static lab hands the session: what the reader left there, and what they pressed. */
export interface Handoff {
  snapshot: StaticSnapshot
  pendingAction: PendingAction | null
}

export function useLabSession(
  example: string,
  module: LabModule,
  handoff: Handoff,
): { state: LabSessionState; commands: LabCommands } {
  const { meta } = module
  const [{ session, commands }] = useState(() => {
    const saved = loadEdits(example)
    const linked = readShareTarget()?.example === example
    // Only the actions a session knows (the static lab's other buttons, like Reset, are disabled).
    const pressed = PENDING_ACTIONS.find((action) => action === handoff.pendingAction) ?? null
    const session = createLabSession({
      starter: module.default.files,
      solution: module.default.solution ? { ...module.default.files, ...module.default.solution } : null,
      saved: saved && { files: saved.files, exampleChanged: saved.hash !== meta.hash },
      panel: panelFromSnapshot(meta, handoff.snapshot),
      // A Run pressed on the original code is not a Run of the code a share link opens in its place.
      pendingAction: linked && pressed !== 'toggle-solution' ? null : pressed,
      activeFile: meta.activeFile,
    })
    // One mark per session made: tests/e2e/lab-session.spec.ts counts them (one per lab on the page).
    performance.mark('lab-session', { detail: example })
    return {
      session,
      commands: labCommands(example, meta, session, {
        runOnHost: runOnLabHost,
        recordedRun: recordedRunsFor(example),
      }),
    }
  })
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState)

  // What the reader pressed before the lab could act, then the files it will run, ahead of that run.
  useEffect(() => {
    const action = session.getState().pendingAction
    if (action) commands.takePendingAction(action)
    let stop = () => {}
    let gone = false
    void getLabHost().then((host) => {
      if (gone) return
      const { files, panel } = session.getState()
      // The worker compiles them and resets its database for them while the reader reads.
      if (!action) host.expectRun({ files, scenario: buildScenario(meta, panel.preset) })
      stop = host.onStartup((progress) => session.dispatch({ type: 'startup-progress', progress }))
    })
    return () => {
      gone = true
      stop()
    }
  }, [session, commands, meta])

  // A share link to this lab, on load or pasted into this tab later: its code is shown, not saved, and
  // neither run nor made ready until the reader presses Run.
  useEffect(() => {
    let gone = false
    const open = () => {
      const link = readShareTarget()
      if (link?.example !== example) return
      const { starter } = session.getState()
      const lab = { example, hash: meta.hash, readOnlyFiles: meta.readOnlyFiles, starter }
      void openSharedFiles(link.payload, lab).then((opened) => {
        if (!gone) session.dispatch({ type: 'share-opened', opened })
      })
    }
    open()
    window.addEventListener('hashchange', open)
    return () => {
      gone = true
      window.removeEventListener('hashchange', open)
    }
  }, [example, meta, session])

  // Leaving the page must not lose the last keystrokes still waiting for the debounce.
  useEffect(() => {
    const flush = commands.flushSave
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', flush)
    return () => {
      flush()
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', flush)
    }
  }, [commands])

  return { state, commands }
}
