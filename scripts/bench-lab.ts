/**
 * Wall-clock benchmark of the lab engine in Node: `npx tsx scripts/bench-lab.ts [--json]`.
 * Targets on a 2-core machine: a warm 100-request scenario under 500 ms, a single request under 20 ms.
 */
import { createEngine } from '../lib/lab/index'
import type { FileTree, RunInput } from '../lib/lab/types'

const json = process.argv.includes('--json')

const files: FileTree = {
  'db/schema.sql':
    'create table todos (id serial primary key, title text not null, done boolean not null default false);',
  'db/seed.sql': "insert into todos (title) select 'todo ' || g from generate_series(1, 20) g;",
  'lib/db.ts': "import { Pool } from 'pg'\nexport const pool = new Pool({ max: 5 })\n",
  'app/api/todos/route.ts': `
import { pool } from '@/lib/db'
export async function GET() {
  const { rows } = await pool.query('select id, title, done from todos order by id limit 10')
  return Response.json(rows)
}
`,
}

const single: RunInput = { files, scenario: { requests: [{ path: '/api/todos' }] } }
const burst: RunInput = {
  files,
  scenario: { requests: [{ path: '/api/todos', count: 100 }], platform: { profile: 'fluid' } },
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out
}

async function main() {
  const startTimes = await time(async () => {
    const e = createEngine()
    await e.ready()
    await e.close()
  }, 3)
  const engine = createEngine()
  await engine.ready()
  await engine.run(single) // warm the JIT
  const singleTimes = await time(() => engine.run(single), 20)
  await engine.run(burst)
  const burstTimes = await time(() => engine.run(burst), 10)
  const check = await engine.run(burst)
  await engine.close()
  const results = {
    engineStartMs: Math.round(median(startTimes)),
    singleRequestMs: Math.round(median(singleTimes) * 10) / 10,
    burst100Ms: Math.round(median(burstTimes)),
    burstSummary: check.ok ? check.summary.line : check.error.message,
    node: process.version,
  }
  if (json) console.log(JSON.stringify(results, null, 2))
  else {
    console.log(`engine start (database ready): ${results.engineStartMs} ms (median of 3)`)
    console.log(`single request:                ${results.singleRequestMs} ms (median of 20)`)
    console.log(`100-request burst:             ${results.burst100Ms} ms (median of 10) — ${results.burstSummary}`)
  }
}

void main()
