import { findPreset, panelRequestFromPreset, type PanelRequest } from '@/lib/examples/presets'
import type { PlatformProfile } from '@/lib/lab/types'
import type { LabMeta } from './types'

/** Everything the request panel edits. Lives in the thin entry so typing works before the lab loads. */
export interface PanelState {
  preset: string
  profile: PlatformProfile | undefined
  method: string
  path: string
  /** `name: value` per line. */
  headersText: string
  bodyText: string
}

export function headersToText(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
}

export type ParsedHeaders = { ok: true; headers: Record<string, string> } | { ok: false; message: string }

export function parseHeadersText(text: string): ParsedHeaders {
  const headers: Record<string, string> = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim()
    if (line === '') continue
    const colon = line.indexOf(':')
    if (colon <= 0) return { ok: false, message: `Header line ${index + 1} needs the form "name: value".` }
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { ok: true, headers }
}

export function panelStateForPreset(meta: LabMeta, presetName: string, profile?: PlatformProfile): PanelState {
  const request = panelRequestFromPreset(meta, presetName)
  return {
    preset: findPreset(meta, presetName).name,
    profile: profile ?? (meta.profiles.length > 0 ? (meta.platform?.profile ?? meta.profiles[0]) : undefined),
    method: request.method,
    path: request.path,
    headersText: headersToText(request.headers),
    bodyText: request.bodyText,
  }
}

export function initialPanelState(meta: LabMeta): PanelState {
  return panelStateForPreset(meta, meta.defaultPreset)
}

export function toPanelRequest(state: PanelState, headers: Record<string, string>): PanelRequest {
  return { method: state.method, path: state.path, headers, bodyText: state.bodyText }
}
