/**
 * A lab's recorded first run: what the engine gives for the unedited example with the default
 * request panel, recorded by the same engine at build time (scripts/record-lab-runs.ts), which
 * re-runs every recording on the live engine and fails the build on any difference. The engine is
 * deterministic (virtual clock, seeded random(), a fresh schema per run), so that run's result is
 * known before the reader's database has opened.
 *
 * It is used for a Run only while the page's database is still starting, and only when the input
 * the lab is about to send is exactly the recorded one: the first Run, and a repeat of it pressed
 * before the database has opened (the engine would give the same outcome again). The live run is
 * sent each time as well (it warms the engine up for the reader's next run); should it ever answer
 * differently, the lab shows the live answer. Any edit, another scenario, Check, or any Run once the
 * database is open: the live engine.
 */
import type { RunInput, RunOutcome } from '@/lib/lab/types'
import { getLabHost } from '../labHost'

export interface RecordedRun {
  input: RunInput
  outcome: RunOutcome
}

/** Under the build's own folder, so a page is never answered from another build's recording. */
export function recordedRunPath(buildId: string, example: string): string {
  return `/_next/static/${buildId}/lab-runs/${example}.json.gz`
}

/** JSON with object keys sorted: two equal values give the same text whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  )
}

/** The recording for `example`, or null (no build id, not recorded, offline, damaged). Never rejects. */
export async function fetchRecordedRun(example: string): Promise<RecordedRun | null> {
  try {
    const buildId = (window as { __NEXT_DATA__?: { buildId?: string } }).__NEXT_DATA__?.buildId
    if (!buildId) return null
    const response = await fetch(recordedRunPath(buildId, example))
    if (!response.ok) return null
    const recorded = JSON.parse(await gunzippedText(new Uint8Array(await response.arrayBuffer()))) as RecordedRun
    return recorded && typeof recorded === 'object' && recorded.input && recorded.outcome ? recorded : null
  } catch {
    return null
  }
}

/** The file is gzipped; a host that sent it with `Content-Encoding: gzip` has had the browser unzip it already. */
async function gunzippedText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes)
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Response(stream).text()
}

/** True while the page's database has not opened (or its host does not exist yet). */
export async function databaseStarting(): Promise<boolean> {
  try {
    const host = await getLabHost()
    let starting = true
    // The host reports its state at once: a step while starting, null once the database is open.
    host.onStartup((step) => (starting = step !== null))()
    return starting
  } catch {
    return true
  }
}

/**
 * The recorded outcome for `input` when it may stand in for the live run: `recording` is for exactly
 * this input and the database is still starting. Otherwise null.
 */
export async function recordedOutcomeFor(
  recording: Promise<RecordedRun | null>,
  input: RunInput,
  starting: () => Promise<boolean> = databaseStarting,
): Promise<RunOutcome | null> {
  const recorded = await recording
  if (!recorded || stableJson(recorded.input) !== stableJson(input)) return null
  return (await starting()) ? recorded.outcome : null
}

/**
 * For a new session: answers, for each Run, with `example`'s recording when it may stand in for the
 * live run (recordedOutcomeFor), else null. The recording is fetched once, and only while the page's
 * database is starting: once it has opened no Run can use it. A database that starts again (its worker
 * restarted after a crash) is starting once more, and a Run then fetches it.
 */
export function recordedRunsFor(
  example: string,
  {
    starting = databaseStarting,
    fetchRun = fetchRecordedRun,
  }: { starting?: () => Promise<boolean>; fetchRun?: (example: string) => Promise<RecordedRun | null> } = {},
): (input: RunInput) => Promise<RunOutcome | null> {
  let recording: Promise<RecordedRun | null> | undefined
  const fetchOnce = () => (recording ??= fetchRun(example))
  // Now, ahead of the Run, while a Run could still use it.
  void starting().then((yes) => {
    if (yes) void fetchOnce()
  })
  return async (input) => ((await starting()) ? recordedOutcomeFor(fetchOnce(), input, starting) : null)
}
