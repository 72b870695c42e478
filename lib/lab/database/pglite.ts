/**
 * The real SQL engine: one PGlite per engine (initdb costs seconds), reset between runs by dropping
 * and recreating the public schema (milliseconds). `now()` and `gen_random_uuid()` are shadowed by
 * versions that follow the virtual clock and a seeded generator, so runs repeat byte for byte.
 */
import { PGlite, type Results } from '@electric-sql/pglite'
import type { TableDump } from '../types'
import { VIRTUAL_EPOCH } from '../clock/virtual-globals'

const SEARCH_PATH = 'SET search_path = public, lab_clock, pg_catalog;'

const SETUP_SQL = `
CREATE SCHEMA IF NOT EXISTS lab_clock;
CREATE OR REPLACE FUNCTION lab_clock.now() RETURNS timestamptz LANGUAGE sql STABLE AS
  $$ SELECT coalesce(nullif(current_setting('lab.now', true), ''), '2026-01-01T00:00:00Z')::timestamptz $$;
CREATE OR REPLACE FUNCTION lab_clock.transaction_timestamp() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT lab_clock.now() $$;
CREATE OR REPLACE FUNCTION lab_clock.statement_timestamp() RETURNS timestamptz LANGUAGE sql STABLE AS $$ SELECT lab_clock.now() $$;
CREATE OR REPLACE FUNCTION lab_clock.clock_timestamp() RETURNS timestamptz LANGUAGE sql VOLATILE AS $$ SELECT lab_clock.now() $$;
CREATE OR REPLACE FUNCTION lab_clock.gen_random_uuid() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT (lpad(to_hex(floor(random() * 4294967295)::bigint), 8, '0') || lpad(to_hex(floor(random() * 4294967295)::bigint), 8, '0') ||
          lpad(to_hex(floor(random() * 4294967295)::bigint), 8, '0') || lpad(to_hex(floor(random() * 4294967295)::bigint), 8, '0'))::uuid $$;
${SEARCH_PATH}
`

/** `CURRENT_TIMESTAMP` is a keyword, not a function, so it cannot be shadowed; rewrite it. */
export function virtualiseTime(sql: string): string {
  return sql.replace(/\bcurrent_timestamp\b(?!\s*\()/gi, 'now()')
}

export type QueryResult = Results<Record<string, unknown>> | Results<unknown[]>

export interface LabDatabaseOptions {
  /** A data directory saved with `dumpDataDir()`: PGlite starts from it instead of running initdb. */
  loadDataDir?: Blob
  /** PGlite's WebAssembly, compiled already (the browser worker streams it in early). */
  pgliteWasmModule?: WebAssembly.Module
  /** PGlite's file-system bundle (`pglite.data`), downloaded already. */
  fsBundle?: Blob
}

export class LabDatabase {
  private nowSet = -1

  private constructor(readonly pg: PGlite) {}

  /**
   * `loadDataDir`: a data directory from `dumpDataDir()` (a tarball, gzipped or not); skips initdb
   * (12 s → 2 s on a busy 2-core machine). The browser worker loads the snapshot the build ships,
   * and the Node tests the same one, cached on disk (lib/lab/snapshot/). `pgliteWasmModule` and
   * `fsBundle` let the worker download PGlite's files while it fetches the snapshot.
   */
  static async create(options: LabDatabaseOptions = {}): Promise<LabDatabase> {
    const { loadDataDir, pgliteWasmModule, fsBundle } = options
    // pg returns int8 and numeric as strings (they may not fit a JS number); PGlite would not.
    const pg = await PGlite.create({
      parsers: { 20: (v: string) => v, 1700: (v: string) => v },
      ...(loadDataDir ? { loadDataDir } : {}),
      ...(pgliteWasmModule ? { pgliteWasmModule } : {}),
      ...(fsBundle ? { fsBundle } : {}),
    })
    await pg.exec(SETUP_SQL)
    return new LabDatabase(pg)
  }

  /** The whole data directory as a tarball, for `create({ loadDataDir })`. */
  dumpDataDir(compression: 'none' | 'gzip' = 'none'): Promise<Blob> {
    return this.pg.dumpDataDir(compression)
  }

  /** Fresh public schema, then the example's schema and seed. Throws PGlite errors with `file`. */
  async reset(schema: string, seed: string | undefined, randomSeed: number): Promise<void> {
    try {
      await this.pg.exec('ROLLBACK')
    } catch {
      // No transaction was open.
    }
    // One round trip: fresh schema, session settings, seeded random() and the clock at t = 0.
    const seedValue = ((randomSeed % 1000) / 1000) * 2 - 1
    await this.pg.exec(
      `DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; ${SEARCH_PATH} RESET statement_timeout;` +
        ` SELECT setseed(${seedValue}); SELECT set_config('lab.now', '${new Date(VIRTUAL_EPOCH).toISOString()}', false);`,
    )
    this.nowSet = 0
    for (const [file, sql] of [
      ['db/schema.sql', schema],
      ['db/seed.sql', seed],
    ] as const) {
      if (!sql) continue
      try {
        await this.pg.exec(virtualiseTime(sql))
      } catch (error) {
        throw Object.assign(error as Error, { file, sql })
      }
    }
  }

  async setNow(virtualMs: number): Promise<void> {
    if (virtualMs === this.nowSet) return
    this.nowSet = virtualMs
    await this.pg.query(`SELECT set_config('lab.now', $1, false)`, [new Date(VIRTUAL_EPOCH + virtualMs).toISOString()])
  }

  /** Run one statement (or several, without parameters), as pg's simple/extended protocol would. */
  async run(
    sql: string,
    values: unknown[] | undefined,
    rowMode: 'array' | 'object',
    virtualMs: number,
  ): Promise<QueryResult[]> {
    await this.setNow(virtualMs)
    const text = virtualiseTime(sql)
    try {
      return [(await this.pg.query(text, values ?? [], { rowMode })) as QueryResult]
    } catch (error) {
      if (
        (error as { code?: string }).code === '42601' &&
        !values?.length &&
        /multiple commands/.test(String((error as Error).message))
      ) {
        return (await this.pg.exec(text, { rowMode })) as QueryResult[]
      }
      throw error
    }
  }

  async dump(maxRows: number): Promise<TableDump[]> {
    const tables = await this.pg.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    )
    const out: TableDump[] = []
    for (const { name } of tables.rows) {
      const quoted = `"${name.replace(/"/g, '""')}"`
      // The window count rides along with the rows: one query per table instead of two.
      const rows = await this.pg.query<unknown[]>(
        `SELECT *, count(*) OVER () AS lab_row_count FROM public.${quoted} LIMIT ${maxRows}`,
        [],
        { rowMode: 'array' },
      )
      const width = rows.fields.length - 1
      out.push({
        name,
        columns: rows.fields.slice(0, width).map((f) => f.name),
        rows: rows.rows.map((r) => r.slice(0, width).map(cloneable)),
        rowCount: rows.rows.length ? Number(rows.rows[0][width]) : 0,
      })
    }
    return out
  }

  close(): Promise<void> {
    return this.pg.close()
  }
}

/** Table cells go over postMessage and into JSON snapshots: keep them plain. */
function cloneable(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString()
  if (typeof v === 'bigint') return v.toString()
  if (v instanceof Uint8Array) return '\\x' + Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')
  return v
}
