#!/usr/bin/env node
// Serves the static export the way a plain static host or CDN would: files only, `index.html` for
// folders, `404.html` for anything missing. No dependencies, so `npm run preview` and the browser tests
// work on a fresh clone. Usage: node scripts/serve.mjs [dir=out] [--port 4173] [--host 127.0.0.1] [--gzip]
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  // Each page's Markdown copy (lib/markdown/); llms.txt and llms-full.txt are .txt.
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
}

/** What a CDN compresses (the lab's database snapshot is gzip already, so `.pgdata` is not here). */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.md',
  '.xml',
  '.wasm',
  '.data',
  '.webmanifest',
])

/**
 * `compress`: gzip text, WebAssembly and data files for clients that accept it, as CDNs do (each file
 * compressed once, then served from memory). The benchmarks use it, so Lighthouse sees transfer sizes a
 * reader would; the browser tests do not need it.
 */
export function startStaticServer({ root = 'out', port = 4173, host = '127.0.0.1', compress = false } = {}) {
  const base = resolve(root)
  const gzipped = new Map()
  const gzipOf = (file) => {
    const mtimeMs = statSync(file).mtimeMs
    const cached = gzipped.get(file)
    if (cached?.mtimeMs === mtimeMs) return cached.body
    const body = gzipSync(readFileSync(file))
    gzipped.set(file, { mtimeMs, body })
    return body
  }
  if (!existsSync(join(base, 'index.html'))) {
    throw new Error(`No static site in ${base}. Run \`npm run build\` first: it writes the export to out/.`)
  }

  function fileFor(urlPath) {
    const decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0])
    const candidate = normalize(join(base, decoded))
    if (!candidate.startsWith(base)) return null // no `..` escapes from the site folder
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
    const index = join(candidate, 'index.html')
    if (existsSync(index)) return index
    if (existsSync(`${candidate}.html`)) return `${candidate}.html`
    return null
  }

  const server = createServer((req, res) => {
    let file
    try {
      file = fileFor(req.url ?? '/')
    } catch {
      file = null
    }
    // A folder URL without its trailing slash redirects, as static hosts do with trailingSlash exports.
    const path = (req.url ?? '/').split('?')[0]
    if (file?.endsWith('index.html') && !path.endsWith('/') && !path.endsWith('.html')) {
      res.writeHead(308, { location: `${path}/${(req.url ?? '').slice(path.length)}` })
      res.end()
      return
    }
    const status = file ? 200 : 404
    const served = file ?? join(base, '404.html')
    if (!existsSync(served)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('Not found')
      return
    }
    const headers = {
      'content-type': CONTENT_TYPES[extname(served)] ?? 'application/octet-stream',
      'cache-control': served.includes('/_next/static/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    }
    if (compress && COMPRESSIBLE.has(extname(served)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const body = gzipOf(served)
      res.writeHead(status, {
        ...headers,
        'content-encoding': 'gzip',
        vary: 'accept-encoding',
        'content-length': body.length,
      })
      return res.end(req.method === 'HEAD' ? undefined : body)
    }
    res.writeHead(status, headers)
    if (req.method === 'HEAD') return res.end()
    createReadStream(served).pipe(res)
  })

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolvePromise(server))
  })
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  const args = process.argv.slice(2)
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`)
    return at === -1 ? fallback : args[at + 1]
  }
  const root = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'out'
  const port = Number(option('port', process.env.PORT ?? 4173))
  const host = option('host', '127.0.0.1')
  startStaticServer({ root, port, host, compress: args.includes('--gzip') })
    .then(() => console.log(`Serving ${root}/ at http://${host}:${port}/ (Ctrl+C to stop)`))
    .catch((error) => {
      console.error(error.message)
      process.exit(1)
    })
}
