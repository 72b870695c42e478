/**
 * `npm run check` runs copies of the fast stages (its unit stage carries a scope), two at a time: every copy is in
 * the summary, and a failing one fails the run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runStagesConcurrently } from '@/scripts/run-stages.mjs'
import { FAST_STAGES } from '@/scripts/stages.mjs'

afterEach(() => vi.restoreAllMocks())

/** A copy of a real stage that runs `node -e <script>` instead, as check.mjs copies the unit stage. */
function stage(name: string, script: string) {
  const real = FAST_STAGES.find((candidate) => candidate.name === name)!
  return { ...real, command: process.execPath, args: ['-e', script], env: { CHECK_EXAMPLES: '' } }
}

describe('npm run check, stage by stage', () => {
  it('reports a failing copy of a stage in the summary and in its exit code', async () => {
    const lines: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(String(line)))
    const code = await runStagesConcurrently([
      stage('unit', "console.log('1 test failed'); process.exit(1)"),
      stage('lint', ''),
    ])
    expect(code).toBe(1)
    const summary = lines.at(-1)
    expect(summary).toMatch(/^stages: 1 passed, 1 failed/)
    expect(lines.join('\n')).toContain('1 test failed')
    expect(lines.at(-2)).toMatch(/^\n✓ lint \([\d.]+ s\)\n✗ unit \([\d.]+ s\): exit code 1$/)
  })

  it('passes when every copy passes', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    expect(await runStagesConcurrently([stage('unit', ''), stage('content', '')])).toBe(0)
  })
})
