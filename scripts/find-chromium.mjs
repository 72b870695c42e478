// Playwright drives a system Chromium: this machine has no route to Playwright's browser downloads.
// Order: CHROMIUM_PATH, then a Chromium/Chrome on PATH, then Playwright's own browser if one is installed.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome']

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]

export const INSTALL_HINT =
  'No Chromium found for the browser tests. Install one and run again:\n' +
  '  Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium\n' +
  '  elsewhere:               npx playwright install chromium\n' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.'

/** @returns {{ executablePath: string, source: 'CHROMIUM_PATH' | 'PATH' | 'playwright' } | null} */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but there is no file there.`)
    }
    return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
  }
  for (const name of NAMES_ON_PATH) {
    const path = commandPath(name)
    if (path) return { executablePath: path, source: 'PATH' }
  }
  return playwrightsOwnChromium()
}

function commandPath(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

function playwrightsOwnChromium() {
  try {
    // playwright-core is CommonJS; requiring it keeps this function synchronous for playwright.config.ts.
    const { chromium } = createRequire(import.meta.url)('playwright-core')
    const path = chromium.executablePath()
    return path && existsSync(path) ? { executablePath: path, source: 'playwright' } : null
  } catch {
    return null
  }
}
