/**
 * A preset, and the request of it the panel shows. Its own module: the Lab's thin entry, which every
 * lesson page loads up front, needs only this, not the rest of scenario.ts.
 */
import type { ResolvedExampleMeta } from './schema'

/** What the request panel edits: the last request of the preset's plan (whose response is shown). */
export interface PanelRequest {
  method: string
  path: string
  headers: Record<string, string>
  /** Raw text from the body field; empty means no body. Validated as JSON before a run. */
  bodyText: string
}

export function findPreset(meta: ResolvedExampleMeta, name: string | undefined) {
  return meta.presets.find((preset) => preset.name === name) ?? meta.presets.find((preset) => preset.name === meta.defaultPreset)!
}

export function panelRequestFromPreset(meta: ResolvedExampleMeta, presetName: string): PanelRequest {
  const requests = findPreset(meta, presetName).scenario.requests
  const last = requests[requests.length - 1]
  return {
    method: (last.method ?? 'GET').toUpperCase(),
    path: last.path,
    headers: last.headers ?? {},
    bodyText: last.body === undefined ? '' : typeof last.body === 'string' ? last.body : JSON.stringify(last.body, null, 2),
  }
}
