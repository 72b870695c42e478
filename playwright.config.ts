import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './scripts/find-chromium.mjs'

const chromium = findChromium()
if (!chromium) {
  console.error(INSTALL_HINT)
  process.exit(1)
}

const PORT = Number(process.env.E2E_PORT ?? 4173)

export default defineConfig({
  testDir: 'tests/e2e',
  // The suite shares one small static server; two workers keep both cores busy without starving the browser.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // The site must work exactly as before without its service worker, so every spec runs without one
    // (and never downloads the lab engine twice); tests/e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: { executablePath: chromium.executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /resilience\.spec\.ts$/ },
    // The resilience cases assert "no main-thread task over 200 ms". A task's duration is wall-clock
    // time, so it stretches when other tests share the two cores; these cases run last, one at a time.
    // One retry: a regression repeats on the second attempt, a one-off pause (GC, the OS) does not, and
    // the list reporter still marks a case that needed it as flaky.
    {
      name: 'resilience',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /resilience\.spec\.ts$/,
      dependencies: ['chromium'],
      fullyParallel: false,
      retries: 1,
    },
  ],
  webServer: {
    command: `node scripts/serve.mjs out --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
})
