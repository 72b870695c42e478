/**
 * `npm run check` leaves out the engine suites a content-only change cannot reach (scripts/check-scope.mjs);
 * a change to code, tests or config runs every unit test, as `npm test` and CI always do.
 */
import { describe, expect, it } from 'vitest'
import { planUnitScope, SCOPE_ENV } from '@/scripts/check-scope.mjs'

const excluded = (args: string[]) => args.filter((_, index) => args[index - 1] === '--exclude')

describe("npm run check's unit scope", () => {
  it('runs every test when code changed, even beside content', () => {
    const scope = planUnitScope(['pages/where-they-hurt/real-time-updates.mdx', 'lib/lab/engine.ts'], 'here')
    expect(scope.args).toEqual([])
    expect(scope.env).toEqual({})
    expect(scope.summary).toContain('every test')
    expect(planUnitScope(['examples/verify/scripts/verify.ts'], 'here').args).toEqual([])
    expect(planUnitScope(['vitest.config.ts'], 'here').args).toEqual([])
    expect(planUnitScope(['pages/_app.tsx'], 'here').args).toEqual([])
    expect(planUnitScope(['pages/where-they-hurt/_meta.ts'], 'here').args).not.toEqual([])
  })

  it("runs a changed example's presets and the engine suites that name it, and leaves out the rest", () => {
    const scope = planUnitScope(
      ['examples/pooling-module-pool/lib/db.ts', 'pages/where-they-hurt/cold-starts.mdx'],
      'here',
    )
    expect(scope.env).toEqual({ [SCOPE_ENV]: 'pooling-module-pool' })
    const left = excluded(scope.args)
    expect(left).not.toContain('tests/unit/lessons/cold-starts-and-connection-pooling.test.ts')
    expect(left).not.toContain('tests/unit/examples.test.ts')
    expect(left).toContain('tests/unit/lessons/real-time-updates.test.ts')
    expect(left).toContain('lib/lab/database/database.test.ts')
    expect(left).toContain('tests/unit/example-code-checks.test.ts')
    expect(left).toContain('tests/unit/snippet-typecheck.test.ts')
    // The snippets of the pages still parse in every run: that suite reads them.
    expect(left).not.toContain('tests/unit/lesson-snippets.test.ts')
    // Suites that start no engine always run.
    expect(left).not.toContain('lib/content/checks.test.ts')
    expect(scope.summary).toMatch(/only content changed here.*pooling-module-pool.*`npm test` and CI run them all/)
  })

  it('runs a changed or new test file, such as the one the lesson scaffold writes, without running them all', () => {
    const scope = planUnitScope(['tests/unit/lessons/simplicity.test.ts', 'examples/orders/meta.ts'], 'here')
    expect(scope.env).toEqual({ [SCOPE_ENV]: 'orders' })
    expect(excluded(scope.args)).not.toContain('tests/unit/lessons/simplicity.test.ts')
    expect(excluded(scope.args)).toContain('tests/unit/lessons/vendor-lock-in.test.ts')
  })

  it('runs no example presets and no engine suite when only prose changed', () => {
    const scope = planUnitScope(['pages/why-api-routes-work/simplicity.mdx', 'README.md'], 'here')
    expect(scope.env).toEqual({ [SCOPE_ENV]: '' })
    expect(excluded(scope.args)).toContain('tests/unit/lessons/simplicity.test.ts')
    expect(scope.summary).toContain('no example presets')
  })
})
