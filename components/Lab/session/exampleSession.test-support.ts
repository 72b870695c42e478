/**
 * For the session's unit tests: a lab session over a real example's starter files, as the lab creates
 * one when its module arrives (nothing saved, no solution shown, the example's default request panel).
 */
import { loadExample } from '@/lib/examples/load'
import { initialPanelState } from '../panelState'
import type { LabMeta } from '../types'
import { createLabSession, type PendingAction } from './state'

export async function exampleSession(
  example: string,
  { hasSolution = false, pendingAction = null }: { hasSolution?: boolean; pendingAction?: PendingAction | null } = {},
) {
  const { meta, files } = await loadExample(example)
  const labMeta = { ...meta, hash: 'h', hasSolution, editorHeight: 300 } as LabMeta
  const session = createLabSession({
    starter: files,
    solution: null,
    saved: null,
    panel: initialPanelState(labMeta),
    pendingAction,
    activeFile: labMeta.activeFile,
  })
  return { labMeta, files, session }
}
