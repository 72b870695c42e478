/**
 * Every number the lesson /where-they-hurt/prisma-client-and-pooling/ quotes, from the examples and
 * presets the page tells the reader to run: real Prisma ORM 7 code (the generated client,
 * @prisma/adapter-pg) on the lab's simulated pg.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateChecks } from '@/lib/examples/exercise-checks'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { FileTree, RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(id: string, preset: string, files?: FileTree): Promise<RunResult> {
  const example = await loadExample(id)
  const outcome = await engine.run({ files: files ?? example.files, scenario: buildScenario(example.meta, preset) })
  if (!outcome.ok) throw new Error(`${id} / ${preset}: ${outcome.error.message}`)
  return outcome
}

const duration = (result: RunResult, index: number) =>
  result.requests[index].timing.end - result.requests[index].timing.start

const P2037 =
  'Too many database connections opened: remaining connection slots are reserved for roles with the SUPERUSER attribute (code P2037)'

describe('a client created per request (prisma-client-per-request)', () => {
  it('the client is generated from prisma/schema.prisma and reaches the database through the adapter', async () => {
    const example = await loadExample('prisma-client-per-request')
    expect(Object.keys(example.files)).toEqual(
      expect.arrayContaining(['generated/prisma/client.ts', 'generated/prisma/internal/class.ts']),
    )
    expect(example.files['generated/prisma/internal/class.ts']).toContain('"clientVersion": "7.10.1"')
    const result = await run('prisma-client-per-request', 'One request')
    expect(result.requests[0].status).toBe(200)
    expect(JSON.parse(result.requests[0].body)).toEqual([
      { id: 1, title: 'Read about connection pooling', done: true },
      { id: 2, title: 'Count your instances', done: false },
      { id: 3, title: 'Check max_connections', done: false },
    ])
    // 250 ms boot + 5 modules × 5 ms (the route and four of the generated client), 25 ms connect, 3 ms query.
    expect(result.requests[0].timing.coldStartMs).toBe(275)
    expect(duration(result, 0)).toBe(303)
    expect(result.timeline.filter((e) => e.type === 'db-connect')).toHaveLength(1)
  })

  it('a burst of 50: 17 × 200, 33 × 500 with P2037 (53300), peak 17 of 20', async () => {
    const result = await run('prisma-client-per-request', 'Burst of 50')
    expect(result.summary.instancesStarted).toBe(2)
    expect(result.summary.byStatus).toEqual({ 200: 17, 500: 33 })
    expect(result.summary.peakConnections).toBe(17)
    expect(result.database.stats.errorsByCode).toEqual({ '53300': 33 })
    const logged = result.console.filter((line) => line.text.includes(P2037))
    expect(logged).toHaveLength(33)
    expect(logged[0].text).toContain('Invalid `prisma.todo.findMany()` invocation:')
  })
})

describe('one client per instance (prisma-module-client)', () => {
  it('a burst of 50 on Fluid: 2 instances × max 5, all 200, peak 10 of 20', async () => {
    const result = await run('prisma-module-client', 'Burst of 50')
    expect(result.summary.instancesStarted).toBe(2)
    expect(result.summary.byStatus).toEqual({ 200: 50 })
    expect(result.summary.peakConnections).toBe(10)
  })

  it('cold, then warm: 308 ms (250 + 6 modules × 5 + 25 + 3), then 3 ms', async () => {
    const result = await run('prisma-module-client', 'Cold, then warm')
    expect(result.requests[0].timing.coldStartMs).toBe(280)
    expect(duration(result, 0)).toBe(308)
    expect(duration(result, 1)).toBe(3)
    expect(result.database.stats.connectionsOpened).toBe(1)
  })

  it('the globalThis pattern changes nothing in production: the same numbers without it', async () => {
    const example = await loadExample('prisma-module-client')
    const plain = example.files['lib/prisma.ts'].replace(
      /const globalForPrisma[\s\S]*$/,
      'export const prisma = createClient()\n',
    )
    expect(plain).not.toContain('globalThis')
    const without = await run('prisma-module-client', 'Burst of 50', { ...example.files, 'lib/prisma.ts': plain })
    const withIt = await run('prisma-module-client', 'Burst of 50')
    expect(without.summary).toEqual(withIt.summary)
  })

  it('globalThis is per instance, as each instance is its own process: a client kept there is not shared', async () => {
    const example = await loadExample('prisma-module-client')
    // Without the NODE_ENV guard the client is stored on globalThis in production too; on Lambda every
    // instance still evaluates the module in its own process and creates its own client.
    const alwaysGlobal = example.files['lib/prisma.ts'].replace(
      "if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma",
      'globalForPrisma.prisma = prisma',
    )
    expect(alwaysGlobal).toContain('\nglobalForPrisma.prisma = prisma')
    const result = await run('prisma-module-client', 'Burst of 50 on Lambda', {
      ...example.files,
      'lib/prisma.ts': alwaysGlobal,
    })
    expect(result.summary.byStatus).toEqual({ 200: 17, 500: 33 })
    expect(result.database.stats.connectionsOpened).toBe(17)
    expect((globalThis as { prisma?: unknown }).prisma).toBeUndefined()
  })

  it('a burst of 50 on Lambda: 50 instances, 50 clients, 17 × 200 and 33 × 500', async () => {
    const result = await run('prisma-module-client', 'Burst of 50 on Lambda')
    expect(result.summary.instancesStarted).toBe(50)
    expect(result.summary.byStatus).toEqual({ 200: 17, 500: 33 })
    expect(result.console.filter((line) => line.text.includes(P2037))).toHaveLength(33)
  })

  it('on Lambda with a pooled URL: all 50 answer 200, peak 17 of 20, 333 ms cold', async () => {
    const result = await run('prisma-module-client', 'Burst of 50 on Lambda, pooled URL')
    expect(result.summary.byStatus).toEqual({ 200: 50 })
    expect(result.summary.peakConnections).toBe(17)
    expect(duration(result, 0)).toBe(333)
  })
})

describe('what the lab cannot do', () => {
  it('an edited prisma/schema.prisma is not regenerated, and the console says so', async () => {
    const example = await loadExample('prisma-module-client')
    const plain = await run('prisma-module-client', 'Cold, then warm')
    expect(plain.console.some((line) => line.text.includes('prisma generate'))).toBe(false)
    const schema = example.files['prisma/schema.prisma'].replace(
      'done  Boolean @default(false)',
      'done  Boolean @default(false)\n  note  String?',
    )
    const edited = await run('prisma-module-client', 'Cold, then warm', {
      ...example.files,
      'prisma/schema.prisma': schema,
    })
    expect(edited.requests.map((r) => r.status)).toEqual([200, 200])
    expect(edited.console[0]).toMatchObject({ level: 'warn', instance: 'build' })
    expect(edited.console[0].text).toMatch(
      /^\[lab hint\] prisma\/schema\.prisma was edited, but the lab cannot run `prisma generate`/,
    )
  })
})

describe('exercise: size the adapter pool (prisma-pool-size-exercise)', () => {
  it('as written: 4 instances with pools of 10, 54 × 200 and 46 × 500; the solution passes every check', async () => {
    const example = await loadExample('prisma-pool-size-exercise')
    const starter = await run('prisma-pool-size-exercise', 'Burst of 100')
    expect(starter.summary.instancesStarted).toBe(4)
    expect(starter.summary.byStatus).toEqual({ 200: 54, 500: 46 })
    expect(evaluateChecks(example.meta.exercise!.checks, starter).every((c) => c.pass)).toBe(false)
    const solved = await run('prisma-pool-size-exercise', 'Burst of 100', example.solution!)
    expect(solved.summary.byStatus).toEqual({ 200: 100 })
    expect(solved.summary.peakConnections).toBe(16)
    expect(evaluateChecks(example.meta.exercise!.checks, solved).every((c) => c.pass)).toBe(true)
  })
})
