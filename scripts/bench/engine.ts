/** The lab engine's Node figures, from `scripts/bench-lab.ts --json` (owned by the engine). */
import { existsSync } from 'node:fs'
import { capture, log } from './util'

export interface EngineFigures {
  engineStartMs?: number
  singleRequestMs?: number
  burst100Ms?: number
  burstSummary?: string
  node?: string
  error?: string
}

export async function engineFigures(): Promise<EngineFigures> {
  if (!existsSync('scripts/bench-lab.ts')) return { error: 'scripts/bench-lab.ts does not exist yet' }
  log('engine: npx tsx scripts/bench-lab.ts --json')
  try {
    const out = await capture('npx', ['tsx', 'scripts/bench-lab.ts', '--json'], process.cwd())
    const start = out.indexOf('{')
    if (start !== -1) return JSON.parse(out.slice(start, out.lastIndexOf('}') + 1)) as EngineFigures
    // Older versions print lines such as "single request: 3.2 ms".
    const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1])
    return {
      engineStartMs: number(/engine start[^:]*:\s*([\d.]+)/i),
      singleRequestMs: number(/single request:\s*([\d.]+)/i),
      burst100Ms: number(/100-request burst:\s*([\d.]+)/i),
    }
  } catch (error) {
    return { error: (error as Error).message }
  }
}
