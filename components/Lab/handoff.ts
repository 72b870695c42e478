/**
 * The interactive lab's side of the handoff from the idle lab (staticEdits.ts): the request panel's
 * state from what the reader left in the static controls, and the focus and caret put back where
 * they were. Loaded with the interactive lab, not up front.
 */
import { initialPanelState, panelStateForPreset, type PanelState } from './panelState'
import { focusKey, type StaticSnapshot } from './staticEdits'
import type { LabMeta } from './types'

export function panelFromSnapshot(meta: LabMeta, snapshot: StaticSnapshot): PanelState {
  const { values, keep } = snapshot
  const preset = meta.presets.some((candidate) => candidate.name === values.preset)
    ? values.preset!
    : meta.defaultPreset
  const profile = meta.profiles.find((candidate) => candidate === values.profile)
  // A new scenario fills the request from that scenario, as choosing it in the interactive lab does.
  const base = keep === 'all' ? initialPanelState(meta) : panelStateForPreset(meta, preset, profile)
  const state: PanelState = { ...base, preset, profile: profile ?? base.profile }
  for (const field of ['method', 'path', 'headersText', 'bodyText'] as const) {
    const value = values[field]
    if (value !== undefined && (keep === 'all' || keep.includes(field))) state[field] = value
  }
  return state
}

/** Puts the focus (and a text field's caret and scroll) back on the same control, now in the interactive lab. */
export function restoreFocus(root: Element, snapshot: StaticSnapshot) {
  const details = root.querySelector('details')
  if (details && snapshot.headersOpen) details.open = true
  const focus = snapshot.focus
  if (!focus) return
  const target = [...root.querySelectorAll<HTMLElement>('input, select, textarea, button, summary, [tabindex]')].find(
    (element) => focusKey(element) === focus.key,
  )
  if (!target) return
  target.focus({ preventScroll: true })
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
    if (focus.selectionStart !== null && focus.selectionEnd !== null) {
      target.setSelectionRange(focus.selectionStart, focus.selectionEnd)
    }
    target.scrollTop = focus.scrollTop
  }
}
