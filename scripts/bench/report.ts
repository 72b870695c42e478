/** `bench/results.md`: the figures as Markdown tables, each beside the baseline's. */
import type { BenchResults } from './index'
import { READING_PAUSE_MS } from './lab-timing'
import { kB } from './weights'

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : `${Math.round(value)} ms`)

const range = (values: number[]) =>
  values.length ? `${Math.min(...values)}–${Math.max(...values)} ms` : '–'

export function markdown(results: BenchResults): string {
  const { machine, firstLoad, lighthouse, lab, arrival, offline, engine, weights } = results
  const lines: string[] = []
  lines.push(`# Benchmarks`, '')
  lines.push(
    `Measured ${results.date} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}, ` +
      `${machine.chromium}, Lighthouse ${machine.lighthouse} (mobile preset, simulated throttling). ` +
      `Reproduce with \`npm run bench\` (\`--runs N\`, \`--no-build\`). Each figure is the median of ${results.runs} runs ` +
      `unless marked. The baseline is a blank Nextra 3 page on the same versions (../shared/baseline/nextra3-blank/, never copied into the repository), built in the same run.`,
    '',
  )

  lines.push('## First-load JS (gzip)', '')
  lines.push('| page | first-load JS | vs. baseline |', '| --- | ---: | ---: |')
  lines.push(`| baseline: blank Nextra 3 page | ${kB(firstLoad.baseline.gzipBytes)} | 1.00 |`)
  for (const page of firstLoad.pages) {
    lines.push(`| \`${page.path}\`${page.lesson ? ' (lesson)' : ''} | ${kB(page.gzipBytes)} | ${page.ratio.toFixed(2)} |`)
  }
  lines.push(
    '',
    `Loaded on demand, not in any page's first load: editor ${kB(weights.lazy.editor)}, lab engine ${kB(weights.lazy.engine)} ` +
      `(JS, gzip; plus PGlite's WebAssembly and data files), the Download's project generator and zip library ${kB(weights.lazy.download ?? 0)}, other ${kB(weights.lazy.other)}. Whole static export: ${(weights.exportBytes / 1e6).toFixed(1)} MB.`,
    '',
    `A Prisma lab's extra download, on its pages only: Prisma's runtime ${kB(weights.lazy.prisma ?? 0)} of JS (gzip) and the query compiler ` +
      (weights.prismaQueryCompiler
        ? `${(weights.prismaQueryCompiler.rawBytes / 1e6).toFixed(2)} MB of WebAssembly (${(weights.prismaQueryCompiler.gzipBytes / 1e6).toFixed(2)} MB gzipped).`
        : 'not found in the export.'),
    '',
  )

  lines.push('## Lighthouse', '')
  if (lighthouse.error || lighthouse.pages.length === 0) lines.push(`Not measured: ${lighthouse.error ?? 'skipped'}`, '')
  else {
    // The five metrics the performance score weighs, each with its own score, so a gap is traceable to one.
    const metric = (value: number, score: number, unit = ms(value)) => `${unit} (${Number.isNaN(score) ? '–' : score})`
    lines.push(
      `Lighthouse ${machine.lighthouse} on Node ${lighthouse.node ?? '?'}. Each metric with its own score in brackets; ` +
        'performance is their weighted mean: TBT 30%, LCP 25%, CLS 25%, FCP 10%, Speed Index 10%.',
      '',
      '| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | Speed Index | CLS | performance, each run |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    )
    for (const row of lighthouse.pages) {
      const scores = row.metricScores ?? { fcpMs: NaN, lcpMs: NaN, tbtMs: NaN, speedIndexMs: NaN, cls: NaN }
      lines.push(
        `| ${row.baseline ? 'baseline: blank Nextra 3 page' : `\`${row.label}\``} | ${row.performance} | ${row.accessibility} | ` +
          `${row.bestPractices} | ${row.seo} | ${metric(row.fcpMs, scores.fcpMs)} | ${metric(row.lcpMs, scores.lcpMs)} | ` +
          `${metric(row.tbtMs, scores.tbtMs)} | ${metric(row.speedIndexMs, scores.speedIndexMs)} | ` +
          `${metric(row.cls, scores.cls, Number.isNaN(row.cls ?? NaN) ? '–' : (row.cls ?? 0).toFixed(3))} | ${row.performanceRuns.join(', ')} |`,
      )
    }
    lines.push('')
  }

  lines.push('## Time from Run to the run summary (`/playground/`, headless Chromium)', '')
  if (lab.error) lines.push(`Incomplete: ${lab.error}`, '')
  lines.push('| scenario | first run on a fresh page | repeat runs (median) |', '| --- | ---: | ---: |')
  lines.push(
    `| one request | ${ms(lab.single.firstRunMs)} (${lab.single.firstRuns.length} pages) | ${ms(lab.single.repeatMedianMs)} (${lab.single.repeats.length} runs) |`,
  )
  lines.push(
    `| burst of 50 | ${ms(lab.burst50.firstRunMs)} (${lab.burst50.firstRuns.length} pages) | ${ms(lab.burst50.repeatMedianMs)} (${lab.burst50.repeats.length} runs) |`,
  )
  lines.push(
    '',
    'The baseline has no lab; the first run includes whatever is left of starting the worker and the database. ' +
      `Each repeat starts ${READING_PAUSE_MS / 1000} s after the previous summary, as a reader reads a result before running again.`,
    '',
  )

  lines.push('## Run on arrival at every lab (headless Chromium)', '')
  if ('labs' in arrival) {
    if (arrival.error) lines.push(`Incomplete: ${arrival.error}`, '')
    lines.push(
      '| figure | median | range |',
      '| --- | ---: | --- |',
      `| first Run, pressed as the page opened at the lab's anchor (fresh browser each time) | ${ms(arrival.firstRunMedianMs)} | ${range(arrival.perLab.map((row) => row.firstRunMs))} |`,
      `| repeat, pressed the moment the summary showed | ${ms(arrival.repeatMedianMs)} | ${range(arrival.perLab.flatMap((row) => row.repeatsMs))} |`,
      `| the first of those repeats alone | ${ms(arrival.firstRepeatMedianMs)} | ${range(arrival.perLab.map((row) => row.repeatsMs[0]))} |`,
      `| live repeat, pressed the moment the summary showed, the database open | ${ms(arrival.liveRepeatMedianMs)} | ${range(arrival.perLab.flatMap((row) => row.liveRepeatsMs))} |`,
      '',
      `Over ${arrival.perLab.length} of ${arrival.labs} labs (scripts/bench/lab-arrival.ts); ${arrival.recordedFirstRuns} first Runs ` +
        `and ${arrival.recordedRepeats} of ${arrival.perLab.flatMap((row) => row.repeatsMs).length} repeats showed the build's recorded run, ` +
        `and ${arrival.summariesAgree} first summaries equal the live engine's.`,
      '',
    )
  } else lines.push(`Not measured: ${arrival.error}`, '')

  lines.push('## Offline (service worker)', '')
  if ('pages' in offline) {
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
    lines.push(
      '| what | files | size | time to available offline (median) | runs |',
      '| --- | ---: | ---: | ---: | --- |',
      `| pages and assets, precached on the first visit | ${offline.pages.files} | ${mb(offline.pages.bytes)} | ${ms(offline.pagesReadyMedianMs)} from navigation start | ${offline.pagesReadyMs.join(', ')} |`,
      `| lab engine, stored on first use of a lab or on request | ${offline.lab.files} | ${mb(offline.lab.bytes)} | ${ms(offline.labReadyMedianMs)} from the request | ${offline.labReadyMs.join(', ')} |`,
      '',
    )
    if (offline.error) lines.push(`Incomplete: ${offline.error}`, '')
  } else lines.push(`Not measured: ${offline.error}`, '')
  lines.push('## Lab engine in Node (`npm run bench:lab`)', '')
  if (engine.error) lines.push(`Not measured: ${engine.error}`, '')
  else {
    lines.push('| figure | value |', '| --- | ---: |')
    lines.push(`| engine start (database ready), median of 3 | ${ms(engine.engineStartMs)} |`)
    lines.push(`| one request, median of 20 | ${engine.singleRequestMs ?? '–'} ms |`)
    lines.push(`| 100-request burst, median of 10 | ${ms(engine.burst100Ms)} |`)
    lines.push('')
  }
  return `${lines.join('\n')}\n`
}
