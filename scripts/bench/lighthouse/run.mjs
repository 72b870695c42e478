// Lighthouse runs for `npm run bench`, on the current Node LTS with this folder's own Lighthouse (13.x needs
// Node 22+; scripts/bench/lighthouse.ts starts this file on Node 24 and reads its answer).
// Default mobile preset with simulated throttling, against the static exports served on localhost, with the
// system Chromium. One Chromium for every run; the runs go round-robin over the pages, so a busy moment on the
// machine hits every page alike.
//
//   node run.mjs request.json   reads { targets: [{ url }], runs, chromePath, chromeFlags, flags? }, prints one JSON
//                               line on stdout: { lighthouse: version, samples: { [url]: Sample[] } }
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

const METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  speedIndexMs: 'speed-index',
  cls: 'cumulative-layout-shift',
}

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const { version } = createRequire(import.meta.url)('lighthouse/package.json')
const log = (message) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)

const chrome = await chromeLauncher.launch({
  chromePath: request.chromePath,
  chromeFlags: request.chromeFlags,
  logLevel: 'silent',
})
const samples = Object.fromEntries(request.targets.map((target) => [target.url, []]))
try {
  for (let runIndex = 0; runIndex < request.runs; runIndex++) {
    for (const target of request.targets) {
      log(`lighthouse ${version}: ${target.label ?? target.url} (run ${runIndex + 1}/${request.runs})`)
      const result = await lighthouse(target.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        // e.g. { throttlingMethod: 'devtools' } to observe instead of simulate, when checking the simulation
        ...request.flags,
      })
      const lhr = result?.lhr
      if (!lhr) throw new Error(`Lighthouse returned no report for ${target.url}`)
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${target.url}: ${lhr.runtimeError.message}`)
      const score = (id) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100)
      const sample = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        /** Each metric's own score (0-100): what the performance score weighs. */
        metricScores: {},
      }
      for (const [key, id] of Object.entries(METRICS)) {
        const audit = lhr.audits[id]
        sample[key] = key === 'cls' ? (audit?.numericValue ?? Number.NaN) : Math.round(audit?.numericValue ?? Number.NaN)
        sample.metricScores[key] = Math.round((audit?.score ?? Number.NaN) * 100)
      }
      samples[target.url].push(sample)
    }
  }
} finally {
  chrome.kill()
}
process.stdout.write(`${JSON.stringify({ lighthouse: version, samples })}\n`)
