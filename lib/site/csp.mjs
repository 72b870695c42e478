#!/usr/bin/env node
// The site's Content Security Policy: one source for `vercel.json`, `public/_headers` and the browser
// test that runs the built pages under it (tests/e2e/csp.spec.ts).
//
// Regenerate both header files after changing anything here, or when the CSP test says an inline
// script's hash is missing (a Nextra or Next.js upgrade can change the theme script):
//   node lib/site/csp.mjs --write          (then `node lib/site/csp.mjs --hashes out` to see the build's hashes)
//
// Two policies, because the lab's engine runs the reader's code with `new Function` in a Web Worker,
// and a worker loaded from a URL is governed by the CSP sent with its own script, not the page's:
//
// PAGE_CSP, every page (everything outside /_next/static/):
// - Nothing is loaded from another host: every fetch directive is 'self' or narrower.
// - script-src: the site's own chunks plus the SHA-256 of each inline script the export contains
//   (Nextra's theme script that applies light/dark before paint, and its `dir` script). Hashes rather
//   than 'unsafe-inline', so an injected inline script does not run. No 'unsafe-eval': pages never eval.
//   `__NEXT_DATA__` is JSON (type="application/json"), not a script, and needs nothing.
// - style-src needs 'unsafe-inline': React renders `style` attributes, and CodeMirror and Sandpack insert
//   <style> elements at run time. Styles cannot run code, and no other host is allowed.
// - worker-src 'self': the engine's worker is a chunk of the site. connect-src 'self': nothing else.
// - frame-src / child-src 'none': the Sandpack editor is used without its preview iframe.
// - object-src 'none', base-uri 'self', form-action 'self', frame-ancestors 'none' (no clickjacking).
//
// WORKER_CSP, everything under /_next/static/ (for scripts, styles, wasm the header is ignored; it matters
// only for the worker script, whose policy it becomes):
// - script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval': chunks by importScripts, the reader's code by
//   `new Function` (the point of the lab), and PGlite's Postgres compiled from WebAssembly.
// - connect-src 'self': PGlite's .wasm and .data files; default-src 'none' for everything else.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** SHA-256 of the inline scripts the static export contains (see `inlineScriptHashes`). */
export const INLINE_SCRIPT_HASHES = [
  // Nextra 3.3.1 theme script (next-themes): applies the saved light/dark theme before first paint.
  "'sha256-cd+HpnSsLaEz1lKWBNn+k+xOe1m2p5ZgfjoyNvHy9eU='",
  // `document.documentElement.setAttribute('dir','ltr')` from nextra-theme-docs.
  "'sha256-iX9LRPdLBV4jlGfQ+1qGl2+8iQlVITwJKum0Gqg4bTQ='",
]

export const PAGE_CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", ...INLINE_SCRIPT_HASHES],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

export const WORKER_CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
  'connect-src': ["'self'"],
}

const serialize = (directives) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')

/** The pages' policy as one header value. */
export const PAGE_CSP = serialize(PAGE_CSP_DIRECTIVES)
/** The policy of everything under /_next/static/, i.e. of the engine's worker. */
export const WORKER_CSP = serialize(WORKER_CSP_DIRECTIVES)

/** The static prefix whose responses get WORKER_CSP instead of PAGE_CSP. */
export const STATIC_PREFIX = '/_next/static/'

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
}

/** Headers for pages (everything outside /_next/static/). */
export const PAGE_HEADERS = {
  'Content-Security-Policy': PAGE_CSP,
  ...COMMON_HEADERS,
  'Cross-Origin-Opener-Policy': 'same-origin',
}
/** Headers for /_next/static/ (the worker script and the assets beside it). */
export const STATIC_HEADERS = { 'Content-Security-Policy': WORKER_CSP, ...COMMON_HEADERS }

/** What a host configured with these files sends for a URL path. */
export function headersFor(pathname) {
  return pathname.startsWith(STATIC_PREFIX) ? STATIC_HEADERS : PAGE_HEADERS
}

/**
 * `public/_headers` (Cloudflare Pages syntax). A request that matches both blocks inherits both, so the
 * static block detaches the page policy (`! Content-Security-Policy`) before setting its own: a host that
 * sent both policies would enforce both, and the page policy (no 'unsafe-eval') would stop the lab's worker.
 */
export function headersFile() {
  const block = (headers) => Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)
  const lines = [
    '# Generated by `node lib/site/csp.mjs --write` from lib/site/csp.mjs. Do not edit by hand.',
    '/*',
    ...block(PAGE_HEADERS),
    `${STATIC_PREFIX}*`,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${WORKER_CSP}`,
  ]
  return `${lines.join('\n')}\n`
}

/** `vercel.json`: two rules that never overlap (Vercel applies every matching rule). */
export function vercelJson() {
  const list = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }))
  const config = {
    headers: [
      { source: '/((?!_next/static/).*)', headers: list(PAGE_HEADERS) },
      { source: '/_next/static/(.*)', headers: list(STATIC_HEADERS) },
    ],
  }
  return `${JSON.stringify(config, null, 2)}\n`
}

/** The CSP hash source of each inline (executable) script in an HTML document. */
export function inlineScriptHashes(html) {
  const hashes = new Set()
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes, body] = match
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase()
    if (type && !['text/javascript', 'module', 'application/javascript'].includes(type)) continue
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}

/** Inline-script hashes of every HTML file in a static export, with the pages that use each. */
export function exportInlineScriptHashes(root = 'out') {
  const found = new Map()
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry)
      if (statSync(full).isDirectory()) walk(full)
      else if (entry.endsWith('.html')) {
        for (const hash of inlineScriptHashes(readFileSync(full, 'utf8'))) {
          if (!found.has(hash)) found.set(hash, [])
          found.get(hash).push(full.slice(root.length) || '/')
        }
      }
    }
  }
  walk(root)
  return found
}

const here = dirname(fileURLToPath(import.meta.url))
export const REPO_ROOT = resolve(here, '../..')

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const args = process.argv.slice(2)
  if (args.includes('--write')) {
    writeFileSync(join(REPO_ROOT, 'public/_headers'), headersFile())
    writeFileSync(join(REPO_ROOT, 'vercel.json'), vercelJson())
    console.log('Wrote public/_headers and vercel.json')
  } else if (args.includes('--hashes')) {
    const root = args[args.indexOf('--hashes') + 1] ?? 'out'
    for (const [hash, pages] of exportInlineScriptHashes(root)) {
      const known = PAGE_CSP.includes(hash) ? 'in the policy' : 'MISSING from the policy'
      console.log(`${hash}  ${known}  (${pages.length} pages, e.g. ${pages[0]})`)
    }
  } else {
    console.log(`pages:          ${PAGE_CSP}\n/_next/static/: ${WORKER_CSP}`)
  }
}
