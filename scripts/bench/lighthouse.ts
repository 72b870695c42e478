/**
 * Lighthouse (its Node API, default mobile preset with simulated throttling) against the static exports served
 * on localhost, with the system Chromium. Lighthouse 13 needs Node 22+ and the project supports Node 20, so it
 * lives in its own package (scripts/bench/lighthouse/, installed on first use) and runs on the current Node LTS
 * from the npm registry (scripts/current-node/node.mjs): ./lighthouse/run.mjs does the runs and answers in JSON.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { currentNode, envWithNode } from '../current-node/node.mjs'
import { CHROMIUM_ARGS } from '../find-chromium.mjs'
import { log, median } from './util'

const PACKAGE = resolve(fileURLToPath(import.meta.url), '../lighthouse')

export interface LighthouseTarget {
  label: string
  url: string
  /** True for the blank Nextra page the others are compared with. */
  baseline?: boolean
}

/** The five metrics the performance score weighs (Lighthouse 10-13: FCP 10%, SI 10%, LCP 25%, TBT 30%, CLS 25%). */
export interface LighthouseMetrics {
  fcpMs: number
  lcpMs: number
  tbtMs: number
  speedIndexMs: number
  cls: number
}

interface Sample extends LighthouseMetrics {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  metricScores: Record<keyof LighthouseMetrics, number>
}

export interface LighthouseFigures extends LighthouseMetrics {
  label: string
  url: string
  baseline: boolean
  runs: number
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  /** Each metric's own score (0-100, median), what the performance score is the weighted mean of. */
  metricScores: Record<keyof LighthouseMetrics, number>
  /** Every run's performance score, to show the spread. */
  performanceRuns: number[]
}

/** `npm ci` in scripts/bench/lighthouse/ on the current Node, unless its node_modules matches its lockfile. */
function installLighthouse(env: NodeJS.ProcessEnv): void {
  const lock = join(PACKAGE, 'package-lock.json')
  const installed = join(PACKAGE, 'node_modules/.package-lock.json')
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return
  log('lighthouse: npm ci in scripts/bench/lighthouse/')
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: PACKAGE, env, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) throw new Error(`npm ci in ${PACKAGE} failed (exit ${result.status})`)
}

/** The version the bench's Lighthouse package pins, for the report. */
export function lighthouseVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  return pkg.dependencies.lighthouse
}

export async function lighthouseFigures(
  targets: LighthouseTarget[],
  options: { runs: number; chromePath: string },
): Promise<{ version: string; node: string; pages: LighthouseFigures[] }> {
  const node = currentNode()
  const env = envWithNode(node.bin)
  installLighthouse(env)
  const dir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'))
  const requestFile = join(dir, 'request.json')
  writeFileSync(
    requestFile,
    JSON.stringify({ targets, runs: options.runs, chromePath: options.chromePath, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] }),
  )
  let answer: { lighthouse: string; samples: Record<string, Sample[]> }
  try {
    const stdout = await new Promise<string>((resolvePromise, reject) => {
      const child = spawn(node.bin, [join(PACKAGE, 'run.mjs'), requestFile], { env, stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      child.on('error', reject)
      child.on('exit', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`Lighthouse on Node ${node.version} exited with ${code}`))))
    })
    answer = JSON.parse(stdout.trim().split('\n').pop()!)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const pages = targets.map((target) => {
    const runs = answer.samples[target.url]
    const mid = (pick: (sample: Sample) => number) => median(runs.map(pick))
    const metric = (key: keyof LighthouseMetrics) => mid((s) => s[key])
    return {
      label: target.label,
      url: target.url,
      baseline: !!target.baseline,
      runs: runs.length,
      performance: mid((s) => s.performance),
      accessibility: mid((s) => s.accessibility),
      bestPractices: mid((s) => s.bestPractices),
      seo: mid((s) => s.seo),
      fcpMs: metric('fcpMs'),
      lcpMs: metric('lcpMs'),
      tbtMs: metric('tbtMs'),
      speedIndexMs: metric('speedIndexMs'),
      cls: metric('cls'),
      metricScores: {
        fcpMs: mid((s) => s.metricScores.fcpMs),
        lcpMs: mid((s) => s.metricScores.lcpMs),
        tbtMs: mid((s) => s.metricScores.tbtMs),
        speedIndexMs: mid((s) => s.metricScores.speedIndexMs),
        cls: mid((s) => s.metricScores.cls),
      },
      performanceRuns: runs.map((s) => s.performance),
    }
  })
  return { version: answer.lighthouse, node: node.version, pages }
}
