/**
 * The lab worker's engine, in its own chunk so the worker can start its downloads
 * (./prefetch.ts) before this code, PGlite's and the engine's, is parsed.
 */
import { LabDatabase, type LabDatabaseOptions } from '../database/pglite'
import { createEngine, type Engine } from '../engine'
import type { RunInput } from '../types'
import type { DatabaseAssets } from './prefetch'

/** PGlite from the snapshot when possible, otherwise from initdb. */
export async function openLabDatabase(
  assets: DatabaseAssets,
  create: (options: LabDatabaseOptions) => Promise<LabDatabase> = (options) => LabDatabase.create(options),
): Promise<LabDatabase> {
  const [snapshot, pgliteWasmModule, fsBundle] = await Promise.all([
    assets.snapshot,
    assets.pgliteWasmModule,
    assets.fsBundle,
  ])
  if (snapshot) {
    try {
      return await create({ loadDataDir: snapshot, pgliteWasmModule, fsBundle })
    } catch {
      // A snapshot this PGlite cannot read: initdb below.
    }
  }
  return create({ pgliteWasmModule, fsBundle })
}

/**
 * One small run before the reader's first: it takes the first-run costs (compiling, the first
 * reset, the first queries) off the reader's click. Every run starts from a fresh schema, a
 * reseeded random() and the clock at t = 0, so it changes no later result.
 */
export const WARM_UP_RUN: RunInput = {
  files: {
    'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 })\n`,
    'pages/api/items.ts': [
      `import type { NextApiRequest, NextApiResponse } from 'next'`,
      `import { z } from 'zod'`,
      `import { pool } from '@/lib/db'`,
      `const Item = z.object({ name: z.string().min(1) })`,
      `export default async function handler(req: NextApiRequest, res: NextApiResponse) {`,
      `  const parsed = Item.safeParse(req.body ?? { name: 'b' })`,
      `  if (parsed.success) await pool.query('INSERT INTO items (name) VALUES ($1)', [parsed.data.name])`,
      `  const { rows } = await pool.query('SELECT id, name FROM items ORDER BY id')`,
      `  res.status(200).json(rows)`,
      `}`,
      ``,
    ].join('\n'),
    'app/api/v2/items/route.ts': `import { pool } from '@/lib/db'\nexport async function GET() {\n  const { rows } = await pool.query('SELECT count(*) FROM items')\n  return Response.json(rows[0])\n}\n`,
    'db/schema.sql': `CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\n`,
    'db/seed.sql': `INSERT INTO items (name) VALUES ('a');\n`,
    '.env': `DATABASE_URL=postgres://lab@localhost/lab\n`,
  },
  scenario: {
    requests: [
      { method: 'POST', path: '/api/items', body: { name: 'c' } },
      { method: 'GET', path: '/api/v2/items', count: 2 },
    ],
  },
}

/** The engine on its database (PGlite from the snapshot, initdb as a fallback). */
export async function startEngine(assets: DatabaseAssets): Promise<Engine> {
  return createEngine({ database: await openLabDatabase(assets) })
}

/**
 * Runs WARM_UP_RUN unless `signal` is aborted first. The reader's run aborts it: one that arrives
 * before the database is up skips it, and one that arrives during it waits only for its compile
 * and reset (costs the reader's run would otherwise pay itself), not its simulation.
 */
export async function warmUp(engine: Engine, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return
  // No reset for a repeat of it afterwards: the reader's run will have other files.
  await engine.run(WARM_UP_RUN, { signal, resetAhead: false }).catch(() => undefined)
}
