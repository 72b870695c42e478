/**
 * What `next build` and the deployment would refuse, checked before anything runs: the plan against
 * the budgets, the code (compiled, every import resolved), `vercel.json`'s crons and the proxy's
 * `config.matcher`; then the database reset (`db/schema.sql` and `db/seed.sql`). Each failure is a
 * `RunFailure` naming the file.
 */
import type { LabDatabase } from '../database/pglite'
import { BUILTIN_MODULES } from '../modules/builtins'
import { compileProject, type ProjectModules } from '../modules/registry'
import { LabFailure } from '../modules/transpile'
import { cronTimes, readCrons, type CronJob } from '../platform/crons'
import { findProxy, type ProxyRoute } from '../routing/proxy-config'
import { QueueConfigError, readQueueInfrastructure, type QueueInfrastructure } from '../queue/config'
import { checkPlan } from '../scenario/plan'
import type { LabError, RunFailure, RunInput } from '../types'

export function failure(error: LabError, console: RunFailure['console'] = []): RunFailure {
  return { ok: false, error, console }
}

export interface BuiltProject {
  ok: true
  project: ProjectModules
  crons: CronJob[]
  proxy: ProxyRoute | undefined
  /** `infra/queues.json` and `Procfile`: the queues, their consumers and the processes beside the app. */
  queues: QueueInfrastructure
}

export function buildProject({ files, scenario }: RunInput): BuiltProject | RunFailure {
  const planError = checkPlan(scenario)
  if (planError) return failure(planError)
  let project
  try {
    project = compileProject(files, BUILTIN_MODULES)
  } catch (error) {
    if (error instanceof LabFailure) return failure(error.labError)
    throw error
  }
  let crons
  try {
    crons = readCrons(files['vercel.json'])
  } catch (error) {
    return failure({ kind: 'compile', message: `vercel.json: ${(error as Error).message}`, file: 'vercel.json' })
  }
  const proxy = findProxy(files)
  if (proxy && !proxy.ok) return failure(proxy.error)
  let queues
  try {
    queues = readQueueInfrastructure(files)
  } catch (error) {
    if (error instanceof QueueConfigError) return failure({ kind: 'compile', message: error.message, file: error.file })
    throw error
  }
  return { ok: true, project, crons, proxy, queues }
}

/** The reset a run of `input` starts with; `LabDatabase#resetAhead` must ask for exactly this one to spare the run it. */
export function resetArguments({
  files,
  scenario,
}: RunInput): [schema: string, seed: string | undefined, randomSeed: number] {
  return [files['db/schema.sql'] ?? '', files['db/seed.sql'], scenario.seed ?? 1]
}

/** Reset the database for `input`; a bad `db/schema.sql` or `db/seed.sql` fails with its line and column. */
export async function resetDatabase(db: LabDatabase, input: RunInput): Promise<RunFailure | undefined> {
  try {
    await db.reset(...resetArguments(input))
  } catch (error) {
    const e = error as Error & { file?: string; sql?: string; position?: string }
    const err: LabError = {
      kind: 'compile',
      message: `${e.file ?? 'db/schema.sql'}: ${e.message}`,
      file: e.file ?? 'db/schema.sql',
    }
    if (e.sql && e.position) {
      const before = e.sql.slice(0, Number(e.position) - 1).split('\n')
      err.line = before.length
      err.column = before[before.length - 1].length + 1
    }
    return failure(err)
  }
  return undefined
}

/** When each cron fires within the run, or the failure of a schedule the lab cannot read. */
export function cronSchedule(
  crons: CronJob[],
  runForMs: number,
): { ok: true; schedule: Array<CronJob & { times: number[] }> } | RunFailure {
  const schedule: Array<CronJob & { times: number[] }> = []
  for (const job of crons) {
    try {
      schedule.push({ ...job, times: cronTimes(job.schedule, runForMs) })
    } catch (error) {
      return failure({ kind: 'compile', message: `vercel.json: ${(error as Error).message}`, file: 'vercel.json' })
    }
  }
  return { ok: true, schedule }
}
