/**
 * The run's input from what the lab holds: its files and its request panel. One function for the
 * lab (session/commands.ts) and for the build's recorded first runs (scripts/record-lab-runs.ts),
 * so a recorded run is recorded for exactly the input the lab sends.
 */
import { buildScenario, parseBodyText } from '@/lib/examples/scenario'
import type { ResolvedExampleMeta } from '@/lib/examples/schema'
import type { FileTree, RunInput } from '@/lib/lab/types'
import { parseHeadersText, toPanelRequest, type PanelState } from '../panelState'

export type PanelRunInput = { ok: true; input: RunInput } | { ok: false; body?: string; headers?: string }

/** Run's input (not Check's): the panel's request replaces the preset's last one. Malformed fields: why. */
export function runInputFromPanel(meta: ResolvedExampleMeta, files: FileTree, panel: PanelState): PanelRunInput {
  const body = parseBodyText(panel.bodyText)
  const headers = parseHeadersText(panel.headersText)
  if (!body.ok || !headers.ok) {
    return { ok: false, body: body.ok ? undefined : body.message, headers: headers.ok ? undefined : headers.message }
  }
  const scenario = buildScenario(meta, panel.preset, {
    panel: toPanelRequest(panel, headers.headers),
    body: body.body,
    profile: panel.profile,
  })
  return { ok: true, input: { files, scenario } }
}
