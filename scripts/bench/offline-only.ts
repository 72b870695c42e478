/**
 * `npx tsx scripts/bench/offline-only.ts [--runs N]`: only the offline figures of `npm run bench`
 * (scripts/bench/offline.ts), on the existing build in out/, served gzipped as the bench serves it.
 */
import { findChromium } from '../find-chromium.mjs'
import { offlineFigures } from './offline'
import { serve } from './util'

const at = process.argv.indexOf('--runs')
const runs = at === -1 ? 3 : Number(process.argv[at + 1])
const chromium = findChromium()
if (!chromium) throw new Error('no Chromium found (see README: Browser tests and Chromium)')
const site = await serve('out')
try {
  console.log(JSON.stringify(await offlineFigures('out', site.origin, { runs, chromePath: chromium.executablePath }), null, 2))
} finally {
  await site.close()
}
