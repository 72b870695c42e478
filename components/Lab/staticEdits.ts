/**
 * What a reader did in the idle lab (static HTML, see LabIdle.tsx) before the interactive lab had
 * loaded, so that none of it is lost when the interactive lab takes its place: the request panel's
 * values, which field had the focus and where its caret was, and whether Headers was open.
 *
 * Loaded with the interactive lab and run just before it takes the static lab's place; up front, the
 * entry (./index.tsx) only lists the fields the reader edits. Turning the values into a PanelState
 * needs the example's meta, which arrives with the interactive lab too (handoff.ts).
 */

/** The controls of the request panel, by `name` (each is a PanelState field). */
const FIELDS = ['preset', 'profile', 'method', 'path', 'headersText', 'bodyText'] as const
export type PanelField = (typeof FIELDS)[number]

export interface FocusState {
  key: string
  selectionStart: number | null
  selectionEnd: number | null
  scrollTop: number
}

export interface StaticSnapshot {
  /** Each control's current value (what the reader typed or chose, or what the browser restored). */
  values: Partial<Record<PanelField, string>>
  /** The values to keep: all of them, or after a change of scenario the scenario and the fields edited since. */
  keep: 'all' | string[]
  /** The build's highlight of the active file (empty when the static HTML was not there yet). */
  highlighted: string
  focus: FocusState | null
  headersOpen: boolean
}

/**
 * A name for a focusable element that the same element has in the interactive lab: a field's
 * `name`, a button's `data-action`, never a label's text (which a lesson or a translation may change).
 */
export function focusKey(element: Element): string | null {
  const name = element.getAttribute('name')
  if (name) return `field:${name}`
  const action = element.getAttribute('data-action')
  if (action) return `action:${action}`
  if (element.tagName === 'SUMMARY') return 'summary'
  if (element.getAttribute('role') === 'region') return 'code'
  return null
}

/**
 * `edited`: the names of the fields the reader changed, in order. After a change of scenario the
 * interactive lab fills the request from the new scenario, so only the fields edited after the last
 * such change are the reader's own.
 */
export function takeSnapshot(container: Element | null, edited: readonly string[]): StaticSnapshot {
  const values: StaticSnapshot['values'] = {}
  for (const field of FIELDS) {
    const control = container?.querySelector<HTMLInputElement>(`[name="${field}"]`)
    if (control) values[field] = control.value
  }
  const active = document.activeElement
  const focused = active && container?.contains(active) ? active : null
  const key = focused && focusKey(focused)
  const text = focused as HTMLTextAreaElement | null
  return {
    values,
    keep: edited.includes('preset') ? ['profile', ...edited.slice(edited.lastIndexOf('preset'))] : 'all',
    highlighted: container?.querySelector('[role="region"]')?.innerHTML ?? '',
    focus: key
      ? {
          key,
          selectionStart: typeof text?.selectionStart === 'number' ? text.selectionStart : null,
          selectionEnd: typeof text?.selectionEnd === 'number' ? text.selectionEnd : null,
          scrollTop: text?.scrollTop ?? 0,
        }
      : null,
    headersOpen: container?.querySelector('details')?.open ?? false,
  }
}
