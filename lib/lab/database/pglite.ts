/**
 * The real SQL engine: one PGlite per engine (initdb costs seconds), reset between runs by dropping
 * and recreating the public schema (milliseconds). `now()` and `gen_random_uuid()` are shadowed by
 * versions that follow the virtual clock and a seeded generator, so runs repeat byte for byte.
 */
import { PGlite, types as pgliteTypes, type Results } from '@electric-sql/pglite'
import { VIRTUAL_EPOCH } from '../clock/virtual-globals'
import { LAB_SETUP_CHECK_SQL, LAB_SETUP_ID, LAB_SETUP_SQL } from './setup-sql.mjs'
import { readTables, type TablesRead } from './table-dump'

const SEARCH_PATH = 'SET search_path = public, lab_clock, pg_catalog;'

const SETUP_SQL = `${LAB_SETUP_SQL}${SEARCH_PATH}`

/** `CURRENT_TIMESTAMP` is a keyword, not a function, so it cannot be shadowed; rewrite it. */
export function virtualiseTime(sql: string): string {
  return sql.replace(/\bcurrent_timestamp\b(?!\s*\()/gi, 'now()')
}

export type QueryResult = Results<Record<string, unknown>> | Results<unknown[]>
/** Result parsers by type oid, for one query (pg's `types.setTypeParser`, a query's own `types`). */
export type Parsers = Record<number, (value: string) => unknown>

export interface LabDatabaseOptions {
  /** A data directory (the build's snapshot, lib/lab/snapshot/): PGlite starts from it instead of running initdb. */
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
   * `loadDataDir`: a data directory as a tarball (gzipped or not), the snapshot; skips initdb
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
    // The build's snapshot holds the lab's objects already (lib/lab/snapshot/): one cheap check
    // instead of five CREATE FUNCTIONs on a cold catalog before the reader's first run.
    const check = loadDataDir ? await pg.exec(`${SEARCH_PATH} ${LAB_SETUP_CHECK_SQL}`) : []
    const setup = (check[check.length - 1]?.rows[0] as { setup?: string } | undefined)?.setup
    if (setup !== LAB_SETUP_ID) await pg.exec(SETUP_SQL)
    // pg-types parses numeric[] with parseFloat (numeric itself stays a string). PGlite builds its
    // array parsers from the element's parser when it opens, so this one is set afterwards.
    const parsers = (pg as unknown as { parsers: Record<number, (value: string, typeId?: number) => unknown> }).parsers
    parsers[1231] = (value: string) => pgliteTypes.arrayParser(value, parseFloat, 1231)
    return new LabDatabase(pg)
  }

  /**
   * Fresh public schema, then the example's schema and seed. Throws PGlite errors with `file`.
   *
   * A full reset (drop the schema, run schema.sql) costs tens of milliseconds in a browser, mostly
   * DDL. The short path empties the tables, restarts the sequences and runs seed.sql again, which
   * reaches the same state when nothing but data changed since the last reset: schema.sql and
   * seed.sql are the same text, no DDL ran (an event trigger notes any: `lab.ddl`), and no statement
   * could have changed session settings or planner statistics (`sessionTouched`). A full reset
   * first checks that its schema suits the short path (see `shortResetFor`), except the database's
   * first one, on which that check is slow (a cold catalog, PL/pgSQL's first load).
   */
  async reset(schema: string, seed: string | undefined, randomSeed: number): Promise<void> {
    const key = resetKey(schema, seed, randomSeed)
    if (this.resetDoneAhead === key) {
      // `resetAhead()` did this very reset after the last run and nothing has touched the database since.
      this.resetDoneAhead = null
      return
    }
    this.resetDoneAhead = null
    const seedValue = ((randomSeed % 1000) / 1000) * 2 - 1
    // Session settings, seeded random() and the clock at t = 0, as both paths leave them.
    const session = `${SEARCH_PATH} RESET statement_timeout; SELECT setseed(${seedValue}); SELECT set_config('lab.now', '${new Date(VIRTUAL_EPOCH).toISOString()}', false);`
    const short = this.shortReset
    const touched = this.sessionTouched
    this.shortReset = null
    this.sessionTouched = false
    if (short && !touched && short.schema === schema && short.seed === (seed ?? '')) {
      let clean = false
      try {
        const results = await this.pg.exec(`ROLLBACK; ${DDL_CHECK_SQL}`)
        const row = results[results.length - 1]?.rows[0] as { ddl?: string; trigger?: string } | undefined
        clean = row?.ddl === '0' && row.trigger === short.trigger
      } catch {
        // Fall through to a full reset.
      }
      if (clean) {
        await this.pg.exec(`${session} ${short.statements} ${DDL_CLEAR_SQL}`)
        this.nowSet = 0
        if (seed) await this.execFile('db/seed.sql', seed)
        this.shortReset = short
        return
      }
    } else {
      try {
        await this.pg.exec('ROLLBACK')
      } catch {
        // No transaction was open.
      }
    }
    // One round trip: fresh schema, session settings, seeded random() and the clock at t = 0.
    await this.pg.exec(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; ${session}`)
    this.nowSet = 0
    if (schema) await this.execFile('db/schema.sql', schema)
    // The check never fails a run: any error just means the next reset is a full one too.
    // Not on the first full reset after the database opens: the event trigger and the catalog query
    // cost a few hundred ms on a cold database, on the reader's first Run. The reset after that run
    // is then a full one too, normally done while the reader reads (`resetAhead`).
    const short_ = this.fullResets++ === 0 ? null : await this.shortResetFor(schema, seed ?? '').catch(() => null)
    if (seed) await this.execFile('db/seed.sql', seed)
    this.shortReset = short_
  }

  /**
   * The reset the next run will most likely ask for (the same files and seed as the run that just
   * finished), done now, while the reader reads the result, instead of after their next click.
   * `reset()` with the same arguments then has nothing left to do, as long as no statement ran in
   * between. A failure is left for that `reset()` to hit again and report.
   */
  async resetAhead(schema: string, seed: string | undefined, randomSeed: number): Promise<void> {
    try {
      await this.reset(schema, seed, randomSeed)
      this.resetDoneAhead = resetKey(schema, seed, randomSeed)
    } catch {
      this.resetDoneAhead = null
    }
  }

  /** The arguments of a `reset()` that `resetAhead()` has done already; null once anything ran since. */
  private resetDoneAhead: string | null = null

  /** How to get back to the state after the last reset without DDL; null: a full reset is needed. */
  private shortReset: { schema: string; seed: string; statements: string; trigger: string } | null = null
  /** Full resets so far; the first one skips `shortResetFor`. */
  private fullResets = 0
  /** A statement of this run may have changed session settings or statistics (see `touchesSession`). */
  private sessionTouched = false

  private async execFile(file: 'db/schema.sql' | 'db/seed.sql', sql: string): Promise<void> {
    try {
      await this.pg.exec(virtualiseTime(sql))
    } catch (error) {
      throw Object.assign(error as Error, { file, sql })
    }
  }

  /**
   * Right after schema.sql: the statements that bring the tables back to this state, or null when
   * the short path could not reproduce it. It cannot when schema.sql draws random numbers (the seed
   * would then start from another point of the sequence), changes settings or statistics, leaves
   * rows or used sequences behind, makes objects outside `public`, or makes a materialized view or
   * a foreign table; nor when seed.sql changes settings or statistics.
   */
  private async shortResetFor(schema: string, seed: string) {
    if (/random|uuid/i.test(schema) || touchesSession(schema, true) || touchesSession(seed, true)) return null
    const results = await this.pg.exec(`${DDL_TRIGGER_SQL}; ${TEMPLATE_SQL}`)
    const row = results[results.length - 1]?.rows[0] as
      | {
          outside: number
          unsupported: number
          used_sequences: number
          tables: string | null
          probe: string | null
          sequences: string | null
          trigger: string | null
        }
      | undefined
    if (!row?.trigger || Number(row.outside) > 0 || Number(row.unsupported) > 0 || Number(row.used_sequences) > 0) {
      return null
    }
    if (row.probe) {
      const rows = await this.pg.query<{ any: boolean }>(`SELECT ${row.probe} AS any`)
      if (rows.rows[0]?.any !== false) return null
    }
    // DDL in seed.sql sets lab.ddl again, so the next reset is a full one.
    await this.pg.exec(DDL_CLEAR_SQL)
    const statements = [row.tables ? `TRUNCATE TABLE ${row.tables} RESTART IDENTITY;` : '', row.sequences ?? ''].join(
      ' ',
    )
    return { schema, seed, statements, trigger: row.trigger }
  }

  async setNow(virtualMs: number): Promise<void> {
    if (virtualMs === this.nowSet) return
    this.resetDoneAhead = null
    this.nowSet = virtualMs
    // SET over the simple protocol: one round trip into PGlite instead of six for a parameterised SELECT.
    try {
      await this.pg.exec(`SET lab.now = '${new Date(VIRTUAL_EPOCH + virtualMs).toISOString()}'`)
    } catch (error) {
      this.nowSet = -1
      // An aborted transaction refuses every statement but ROLLBACK (25P02). Its statements fail
      // anyway, so they need no clock; the ROLLBACK that ends it must still reach the server.
      if ((error as { code?: string }).code !== '25P02') throw error
    }
  }

  /** Run one statement (or several, without parameters), as pg's simple/extended protocol would. */
  async run(
    sql: string,
    values: unknown[] | undefined,
    rowMode: 'array' | 'object',
    virtualMs: number,
    parsers?: Parsers,
  ): Promise<QueryResult[]> {
    this.resetDoneAhead = null
    if (!this.sessionTouched && touchesSession(sql)) this.sessionTouched = true
    await this.setNow(virtualMs)
    const text = virtualiseTime(sql)
    // `SET lab.now` is transactional: a rollback (also of a savepoint, or a COMMIT of a failed
    // transaction) and a failed statement may put back an older clock, so the next one sets it again.
    if (TRANSACTION_END.test(text)) this.nowSet = -1
    try {
      return await this.runStatement(text, values, parsers ? { rowMode, parsers } : { rowMode })
    } catch (error) {
      this.nowSet = -1
      throw error
    }
  }

  private async runStatement(
    text: string,
    values: unknown[] | undefined,
    options: { rowMode: 'array' | 'object'; parsers?: Parsers },
  ) {
    // One statement without parameters goes over the simple protocol, as pg sends it: one round
    // trip into PGlite instead of six, same rows, fields and errors. `$1` without values, and
    // anything that might hold several statements, keep the extended protocol's own errors.
    if (!values?.length && !/\$\d|;\s*\S/.test(text.replace(/;\s*$/, ''))) {
      const results = (await this.pg.exec(text, options)) as QueryResult[]
      if (results.length === 1) return results
    }
    try {
      return [(await this.pg.query(text, values ?? [], options)) as QueryResult]
    } catch (error) {
      if (
        (error as { code?: string }).code === '42601' &&
        !values?.length &&
        /multiple commands/.test(String((error as Error).message))
      ) {
        return (await this.pg.exec(text, options)) as QueryResult[]
      }
      throw error
    }
  }

  /**
   * The tables, committed data only (table-dump.ts). A transaction the run left open is rolled back
   * to read them, which may put back an older clock.
   */
  async dump(maxRows: number): Promise<TablesRead> {
    this.resetDoneAhead = null
    const read = await readTables(this.pg, maxRows)
    if (read.openTransaction) this.nowSet = -1
    return read
  }

  close(): Promise<void> {
    return this.pg.close()
  }
}

/** Statements that may end a transaction or a savepoint, and with it undo `SET lab.now`. */
const TRANSACTION_END = /(^|;)\s*(rollback|abort|commit|end|prepare\s+transaction)\b/i

function resetKey(schema: string, seed: string | undefined, randomSeed: number): string {
  return JSON.stringify([schema, seed ?? '', randomSeed])
}

/**
 * An event trigger notes every DDL statement (CREATE, ALTER, DROP, COMMENT, GRANT, ...) in the
 * session setting `lab.ddl`. Being a setting, the note is rolled back with the statement's
 * transaction, exactly as the DDL is. Created once per database, in the lab's own schema.
 */
const DDL_TRIGGER_SQL = `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'lab_ddl') THEN
    CREATE FUNCTION lab_clock.note_ddl() RETURNS event_trigger LANGUAGE plpgsql SET search_path = pg_catalog AS
      $f$ BEGIN PERFORM set_config('lab.ddl', '1', false); END $f$;
    CREATE EVENT TRIGGER lab_ddl ON ddl_command_end EXECUTE FUNCTION lab_clock.note_ddl();
  END IF;
END $$`

const DDL_CLEAR_SQL = `SELECT set_config('lab.ddl', '0', false);`

/** The trigger must still be there, enabled and unchanged, for its silence to mean anything. */
const DDL_TRIGGER_STATE = `(SELECT e.evtenabled::text || ' ' || e.xmin::text || ' ' || p.xmin::text FROM pg_event_trigger e
    JOIN pg_proc p ON p.oid = e.evtfoid WHERE e.evtname = 'lab_ddl' AND e.evtevent = 'ddl_command_end')`

const DDL_CHECK_SQL = `SELECT current_setting('lab.ddl', true) AS ddl, ${DDL_TRIGGER_STATE} AS trigger`

/** After schema.sql: can the short reset reproduce this state, and with which statements? */
const TEMPLATE_SQL = `SELECT
  (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid >= 16384 AND n.nspname <> 'public' AND n.nspname NOT LIKE 'pg\\_toast%') AS outside,
  (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('m', 'f')) AS unsupported,
  (SELECT count(*) FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL) AS used_sequences,
  (SELECT string_agg(format('public.%I', c.relname), ', ' ORDER BY c.relname) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')) AS tables,
  (SELECT string_agg(format('EXISTS (SELECT 1 FROM public.%I)', c.relname), ' OR ') FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')) AS probe,
  (SELECT string_agg(format('ALTER SEQUENCE public.%I RESTART;', c.relname), ' ' ORDER BY c.relname) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S') AS sequences,
  ${DDL_TRIGGER_STATE} AS trigger`

/**
 * Could this SQL change session settings or planner statistics, which a full reset would not undo
 * either but which the short path must not carry past schema.sql? Deliberately broad: a false
 * alarm only costs a full reset. `script`: a file of many statements, judged line by line; otherwise
 * one statement (a string of several counts as a yes).
 */
export function touchesSession(sql: string, script = false): boolean {
  if (/set_config|analy[sz]e|vacuum|cluster|discard|session_replication_role/i.test(sql)) return true
  if (script) return /^[\s;]*(set|reset|do|call|load)\b/im.test(sql)
  const body = sql.replace(/^(\s|--[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, '')
  if (/^(set|reset|do|call|load)\b/i.test(body)) return true
  return /;\s*\S/.test(body.replace(/;\s*$/, ''))
}
