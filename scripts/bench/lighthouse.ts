/**
 * Lighthouse (the `lighthouse` Node API, default mobile preset with simulated throttling) against the
 * static exports served on localhost, with the system Chromium. One Chromium for every run; the runs
 * go round-robin over the pages so a busy moment on the machine hits every page alike.
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS } from '../find-chromium.mjs'
import { log, median } from './util'

export interface LighthouseTarget {
  label: string
  url: string
  /** True for the blank Nextra page the others are compared with. */
  baseline?: boolean
}

export interface LighthouseFigures {
  label: string
  url: string
  baseline: boolean
  runs: number
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  tbtMs: number
  /** Every run's performance score, to show the spread. */
  performanceRuns: number[]
}

interface Sample {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  tbtMs: number
}

export async function lighthouseFigures(
  targets: LighthouseTarget[],
  options: { runs: number; chromePath: string },
): Promise<LighthouseFigures[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: options.chromePath,
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    logLevel: 'silent',
  })
  const samples = new Map<string, Sample[]>(targets.map((target) => [target.url, []]))
  try {
    for (let runIndex = 0; runIndex < options.runs; runIndex++) {
      for (const target of targets) {
        log(`lighthouse: ${target.label} (run ${runIndex + 1}/${options.runs})`)
        const result = await lighthouse(target.url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        })
        const lhr = result?.lhr
        if (!lhr) throw new Error(`Lighthouse returned no report for ${target.url}`)
        if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${target.url}: ${lhr.runtimeError.message}`)
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100)
        samples.get(target.url)!.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
          tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN),
        })
      }
    }
  } finally {
    chrome.kill()
  }
  return targets.map((target) => {
    const runs = samples.get(target.url)!
    const mid = (pick: (sample: Sample) => number) => median(runs.map(pick))
    return {
      label: target.label,
      url: target.url,
      baseline: !!target.baseline,
      runs: runs.length,
      performance: mid((s) => s.performance),
      accessibility: mid((s) => s.accessibility),
      bestPractices: mid((s) => s.bestPractices),
      seo: mid((s) => s.seo),
      lcpMs: mid((s) => s.lcpMs),
      tbtMs: mid((s) => s.tbtMs),
      performanceRuns: runs.map((s) => s.performance),
    }
  })
}
