/**
 * The December 2026 fact-check of "Why API routes work" (docs/fact-check/2026-12-strengths.md) moved these
 * hand-typed platform facts into lib/facts. Each `handwritten` pattern must catch the sentence the page used to
 * carry, so a contributor who retypes it gets the content check's message; and the rewritten sentence, which
 * renders the fact, must pass.
 */
import { describe, expect, it } from 'vitest'
import { checkHandwrittenFacts } from '@/lib/content/fact-checks'
import type { SitePage } from '@/lib/content/site-pages'
import { factById } from './index'

const page = (source: string): SitePage => ({
  file: 'pages/demo.mdx',
  route: '/demo/',
  key: 'demo',
  metaFile: 'pages/_meta.ts',
  source,
})
const flagged = (source: string) => checkHandwrittenFacts(page(`${source}\n`)).map((problem) => problem.message)

describe('the retyped sentences the fact-check removed are caught', () => {
  it.each([
    [
      'lambda-one-request-per-environment',
      "On AWS Lambda's default model, each execution environment handles one request at a time.",
    ],
    [
      'lambda-managed-instances',
      'AWS now also offers Lambda Managed Instances, which run several requests per environment.',
    ],
    ['next-uncached-by-default', 'Since Next.js 15 nothing is cached unless you opt in.'],
    ['next-uncached-by-default', 'Since Next.js 15, `GET` route handlers and `fetch` calls are not cached by default.'],
    ['next-proxy', 'in `proxy.ts` (called `middleware.ts` before Next.js 16):'],
    ['next-cve-2025-29927', 'It was fixed in Next.js 15.2.3, with backports to 14.2.25, 13.5.9 and 12.3.5.'],
    ['next-cve-2025-29927', 'In March 2025, CVE-2025-29927 (CVSS 9.1) let anyone skip middleware.'],
    [
      'next-static-export-route-handlers',
      "An app built with `output: 'export'` is plain static files, so it has no API routes at all.",
    ],
    [
      'vercel-fluid-cold-starts',
      "Vercel's Fluid compute adds bytecode caching and pre-warming of instances to shorten cold starts.",
    ],
    [
      'vercel-routing-middleware',
      'On Vercel, the platform feature once called Edge Middleware is now Routing Middleware.',
    ],
  ])('%s: "%s"', (id, sentence) => {
    expect(factById(id), id).toBeDefined()
    expect(flagged(sentence).some((message) => message.includes(`"${id}"`))).toBe(true)
  })
})

describe('the rewritten sentences pass', () => {
  it.each([
    'On AWS Lambda\'s default model, an execution environment handles <Fact id="lambda-one-request-per-environment" />.',
    'AWS now also offers Lambda Managed Instances, which run <Fact id="lambda-managed-instances" />.',
    'Since <Fact id="next-uncached-by-default" />, nothing is cached unless you opt in.',
    'in `proxy.ts` (called `middleware.ts` until <Fact id="next-proxy" />):',
    '<Fact id="next-cve-2025-29927" statement /> The header needed no credentials at all.',
    'Vercel\'s Fluid compute shortens cold starts with <Fact id="vercel-fluid-cold-starts" />.',
  ])('%s', (sentence) => {
    expect(flagged(sentence)).toEqual([])
  })
})

it('the current Next.js release line is 16.5 (npm `latest` 16.5.0, 2026-12-02)', () => {
  expect(factById('next-current-release')?.value).toBe('16.5')
})
