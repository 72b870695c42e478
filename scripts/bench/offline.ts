/**
 * Offline figures: what the service worker stores (the pages precached at install, the lab engine stored
 * on first use of a lab), and the time, in headless Chromium on a fresh profile, from the first visit's
 * navigation to "available offline" (the worker active, every page and asset precached), and from asking
 * for the labs (the offline control's button) to the whole engine stored.
 */
import { chromium } from 'playwright-core'
import { offlineManifest } from '../offline/build-sw'
import { CHROMIUM_ARGS } from '../find-chromium.mjs'
import { log, median } from './util'

export interface OfflineFigures {
  pages: { files: number; bytes: number }
  lab: { files: number; bytes: number }
  /** First visit (navigation start) → every page precached and the worker active, per run, ms. */
  pagesReadyMs: number[]
  /** "Store the labs too" → the lab engine stored, per run, ms. */
  labReadyMs: number[]
  pagesReadyMedianMs: number
  labReadyMedianMs: number
  error?: string
}

const sum = (items: Array<{ size: number }>) => items.reduce((total, item) => total + item.size, 0)

export async function offlineFigures(
  outDir: string,
  origin: string,
  { runs, chromePath }: { runs: number; chromePath: string },
): Promise<OfflineFigures> {
  const manifest = await offlineManifest(outDir)
  const figures: OfflineFigures = {
    pages: { files: manifest.pages.length, bytes: sum(manifest.pages) },
    lab: { files: manifest.lab.length, bytes: sum(manifest.lab) },
    pagesReadyMs: [],
    labReadyMs: [],
    pagesReadyMedianMs: NaN,
    labReadyMedianMs: NaN,
  }
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS })
  try {
    for (let run = 0; run < runs; run++) {
      log(`offline: run ${run + 1} of ${runs}`)
      const context = await browser.newContext() // A fresh profile: no worker, no caches.
      const page = await context.newPage()
      await page.goto(`${origin}/`)
      // Strings, not functions: tsx would wrap named functions in a helper the page lacks.
      const pagesReady = (await page.evaluate(`(async () => {
        const registration = await navigator.serviceWorker.ready
        return performance.now()
      })()`)) as number
      figures.pagesReadyMs.push(Math.round(pagesReady))
      const labMs = (await page.evaluate(`(async () => {
        const registration = await navigator.serviceWorker.ready
        const started = performance.now()
        await new Promise((resolve) => {
          const channel = new MessageChannel()
          channel.port1.onmessage = (event) => resolve(event.data)
          registration.active.postMessage({ type: 'CACHE_LAB' }, [channel.port2])
        })
        return performance.now() - started
      })()`)) as number
      figures.labReadyMs.push(Math.round(labMs))
      await context.close()
    }
  } catch (error) {
    figures.error = (error as Error).message
  } finally {
    await browser.close()
  }
  figures.pagesReadyMedianMs = median(figures.pagesReadyMs)
  figures.labReadyMedianMs = median(figures.labReadyMs)
  return figures
}
