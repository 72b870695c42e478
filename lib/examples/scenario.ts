/**
 * Turns a preset plus what the reader typed in the request panel into the engine's `Scenario`.
 * Pure and shared by the browser and the tests, so both run exactly the same plan.
 */
import type { PlatformProfile, RequestPlanEntry, Scenario } from '@/lib/lab/types'
import type { ResolvedExampleMeta } from './schema'

export { findPreset, panelRequestFromPreset, type PanelRequest } from './presets'
import { findPreset, type PanelRequest } from './presets'

export type ParsedBody = { ok: true; body: unknown } | { ok: false; message: string }

/** Empty text means "no body"; anything else must be valid JSON, so nothing malformed is ever sent. */
export function parseBodyText(text: string): ParsedBody {
  if (text.trim() === '') return { ok: true, body: undefined }
  try {
    return { ok: true, body: JSON.parse(text) }
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON: ${(error as Error).message}` }
  }
}

export function buildScenario(
  meta: ResolvedExampleMeta,
  presetName: string,
  options: { panel?: PanelRequest; body?: unknown; profile?: PlatformProfile } = {},
): Scenario {
  const preset = findPreset(meta, presetName)
  const requests: RequestPlanEntry[] = preset.scenario.requests.map((entry) => ({ ...entry }))
  if (options.panel) {
    const last = requests.length - 1
    const { bodyText: _ignored, ...panel } = options.panel
    requests[last] = { ...requests[last], ...panel, body: options.body }
    if (options.body === undefined) delete requests[last].body
  }
  const platform = { ...meta.platform, ...preset.scenario.platform }
  if (options.profile) platform.profile = options.profile
  return {
    ...preset.scenario,
    requests,
    platform,
    database: { ...meta.database, ...preset.scenario.database },
  }
}
