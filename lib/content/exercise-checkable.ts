/**
 * An exercise is checkable as written: every check's path is a request the exercise preset sends,
 * every table a check counts exists, and every file the solution adds is reached (a route some request
 * matches, or a module something imports). Otherwise a reader could never pass, or would pass for the
 * wrong reason, and the only symptom would be a check saying "orders holds 4 row(s)".
 */
import { posix } from 'node:path'
import type { LoadedExample } from '@/lib/examples/load'
import { lineOfMetaPath } from '@/lib/examples/meta-source'
import { findPreset } from '@/lib/examples/presets'
import { buildRoutes, matchRoute } from '@/lib/lab/routing/match'
import { didYouMean, editDistance } from './did-you-mean'
import type { ContentProblem } from './problem'

const CODE = /\.(ts|tsx|js|jsx|mjs)$/

/** Method and path of every request the preset sends, with the crons vercel.json adds. */
function requestsOf(example: LoadedExample, presetName: string): Array<{ method: string; path: string }> {
  const preset = findPreset(example.meta, presetName)
  const requests = preset.scenario.requests.map((request) => ({
    method: (request.method ?? 'GET').toUpperCase(),
    path: request.path,
  }))
  try {
    const crons = (JSON.parse(example.files['vercel.json'] ?? '{}') as { crons?: Array<{ path?: string }> }).crons
    for (const cron of crons ?? []) if (cron.path) requests.push({ method: 'GET', path: cron.path })
  } catch {
    // An unreadable vercel.json is the engine's to report.
  }
  return requests
}

function tablesOf(files: Record<string, string>): string[] {
  return [
    ...(files['db/schema.sql'] ?? '').matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?"?([a-z_][a-z0-9_]*)"?/gi),
  ].map((match) => match[1])
}

/** Files of `tree` that some file of it imports (by `@/…` or a relative specifier). */
function importedFiles(tree: Record<string, string>): Set<string> {
  const imported = new Set<string>()
  const names = Object.keys(tree)
  for (const [file, source] of Object.entries(tree)) {
    if (!CODE.test(file)) continue
    for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
      const specifier = match[1]
      const base = specifier.startsWith('@/')
        ? specifier.slice(2)
        : specifier.startsWith('.')
          ? posix.join(posix.dirname(file), specifier)
          : undefined
      if (base === undefined) continue
      for (const candidate of names) {
        const stem = candidate.replace(CODE, '')
        if (candidate === base || stem === base || stem === `${base}/index`) imported.add(candidate)
      }
    }
  }
  return imported
}

/**
 * For an App Router route no request reaches, the route a request would reach if its folders were spelled
 * like that request's path (`app/api/record/[id]/route.ts` → `app/api/records/[id]/route.ts`).
 */
function routeTheRequestsMeant(file: string, requests: Array<{ path: string }>): string | undefined {
  const match = /^((?:src\/)?app\/)(.+)(\/route\.[jt]sx?)$/.exec(file)
  if (!match) return undefined
  const segments = match[2].split('/')
  let best: { cost: number; path: string } | undefined
  for (const request of requests) {
    const parts = request.path.split('?')[0].split('/').filter(Boolean)
    if (parts.length !== segments.length) continue
    let cost = 0
    const respelled = segments.map((segment, index) => {
      if (/^\[.+\]$/.test(segment)) return segment
      cost += editDistance(segment, parts[index])
      return parts[index]
    })
    if (cost > 0 && cost <= 3 && (!best || cost < best.cost))
      best = { cost, path: `${match[1]}${respelled.join('/')}${match[3]}` }
  }
  return best?.path
}

export function checkExercise(example: LoadedExample, metaSource: string): ContentProblem[] {
  const exercise = example.meta.exercise
  if (!exercise) return []
  const metaFile = `examples/${example.id}/meta.ts`
  const presetName = exercise.preset ?? example.meta.defaultPreset
  const requests = requestsOf(example, presetName)
  const problems: ContentProblem[] = []

  exercise.checks.forEach((check, index) => {
    const line = (field: string) => lineOfMetaPath(metaSource, ['exercise', 'checks', index, field]) ?? 1
    if (
      check.type === 'request-status' ||
      check.type === 'body-includes' ||
      check.type === 'request-duration-at-most'
    ) {
      const method = check.method?.toUpperCase()
      const hit = requests.some((request) => request.path === check.path && (!method || request.method === method))
      if (!hit) {
        const sent = [...new Set(requests.map((request) => `${request.method} ${request.path}`))]
        problems.push({
          file: metaFile,
          line: line('path'),
          message: `check "${check.label}" looks at ${method ?? 'any method'} ${check.path}, which preset "${presetName}" never requests, so it can never pass.`,
          fix: `${didYouMean(check.path, new Set(requests.map((request) => request.path))).trim()} The preset sends: ${sent.join(', ')}. Fix the check's path or method, or add the request to the preset.`.trim(),
        })
      }
    }
    if (check.type === 'table-row-count') {
      const tables = tablesOf(example.solution ?? example.files)
      if (tables.length && !tables.includes(check.table)) {
        problems.push({
          file: metaFile,
          line: line('table'),
          message: `check "${check.label}" counts table "${check.table}", which db/schema.sql does not create.`,
          fix: `${didYouMean(check.table, tables).trim()} Tables: ${tables.join(', ')}.`.trim(),
        })
      }
    }
  })

  if (example.solutionFiles && example.solution) {
    const routes = buildRoutes(example.solution)
    const reachedRoutes = new Set(
      requests.map((request) => matchRoute(routes, request.path.split('?')[0])?.route.file).filter(Boolean),
    )
    const imported = importedFiles(example.solution)
    for (const file of Object.keys(example.solutionFiles)) {
      if (file in example.files) continue
      const isRoute = routes.some((route) => route.file === file)
      if (isRoute ? reachedRoutes.has(file) : imported.has(file)) continue
      problems.push({
        file: `examples/${example.id}/solution/${file}`,
        line: 1,
        message: isRoute
          ? `is a route no request of preset "${presetName}" reaches, and it replaces no file of the starter.`
          : 'replaces no file of the starter, and nothing in the solution imports it.',
        fix: `${
          (isRoute && routeTheRequestsMeant(file, requests)
            ? `Did you mean solution/${routeTheRequestsMeant(file, requests)}?`
            : didYouMean(file, Object.keys(example.files), (value) => `solution/${value}`).trim()) || ''
        } A solution holds only the files it changes, at the same paths as in the starter.`.trim(),
      })
    }
  }
  return problems
}
