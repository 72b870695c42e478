import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import nextra from 'nextra'
import { CODE_THEMES } from './lib/site/code-theme.mjs'
import { repositoryUrl } from './lib/site/config.mjs'
import { withoutDescriptions } from './lib/mdx/page-map.mjs'
import { compactTokens } from './lib/mdx/code-tokens.mjs'
import recmaLightTabs from './lib/mdx/recma-light-tabs.mjs'
import recmaServerOnly from './lib/mdx/recma-server-only.mjs'
import remarkFacts from './lib/mdx/remark-facts.mjs'
import remarkLab from './lib/mdx/remark-lab.mjs'
import rehypeLazyImages from './lib/mdx/rehype-lazy-images.mjs'
import { zodEnglishOnly } from './lib/lab/modules/builtins/zod-english-only.mjs'

const withNextra = nextra({
  theme: 'nextra-theme-docs',
  themeConfig: './theme.config.tsx',
  defaultShowCopyCode: true,
  latex: false,
  search: { codeblocks: false },
  // Front matter descriptions stay out of the page map every page loads (lib/mdx/page-map.mjs).
  transformPageMap: withoutDescriptions,
  mdxOptions: {
    // `<Fact id="…" />`, `<WhatChanged>`, `<FactSources>`: the facts of lib/facts/ as static Markdown.
    // `<Lab example="…" />`: validates the id and injects the example's static highlight and lazy files.
    remarkPlugins: [remarkFacts, remarkLab],
    // Diagrams load lazily, so React does not preload them before the first paint (lib/mdx/rehype-lazy-images.mjs).
    rehypePlugins: [rehypeLazyImages],
    // Code fences' colours as short classes, neighbouring tokens of one colour merged (lib/mdx/code-tokens.mjs).
    rehypePrettyCodeOptions: { theme: CODE_THEMES, transformers: [compactTokens] },
    // Nextra's Tabs → the light ones (recma-light-tabs); static prose, lists, tables and code lines
    // live in the page's HTML only, not in its JavaScript (recma-server-only).
    recmaPlugins: [recmaLightTabs, recmaServerOnly],
  },
})

/**
 * PGlite ships Node-only branches that import `node:*` modules (`node:module`, `node:fs`, …). They
 * never run in the browser, but without this the client build stops with "UnhandledSchemeError:
 * Reading from "node:module" is not handled by plugins". So the `node:` scheme is dropped and each
 * of those modules resolves to nothing. (lib/lab/README.md describes how the worker loads PGlite.)
 */
function ignoreNodeBuiltinsInTheBrowser(config, { isServer, webpack }) {
  if (isServer) return config
  config.plugins.push(
    new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
      resource.request = resource.request.replace(/^node:/, '')
    }),
  )
  config.resolve.fallback = {
    ...config.resolve.fallback,
    fs: false,
    'fs/promises': false,
    path: false,
    url: false,
    zlib: false,
    stream: false,
    crypto: false,
    module: false,
    child_process: false,
    util: false,
    os: false,
  }
  return config
}

/**
 * The lab worker loads PGlite from a snapshot of an empty data directory instead of running initdb
 * (seconds in a browser). It references the placeholder `lib/lab/snapshot/empty-database.pgdata`
 * with `new URL(…, import.meta.url)`; this loader replaces its content with the gzipped data
 * directory (made once per PGlite version and cached in the OS temp folder), and webpack emits it
 * with a content hash under `_next/static/media/`. Nothing generated is committed.
 */
function shipDatabaseSnapshot(config) {
  config.module.rules.push({
    test: /\.pgdata$/,
    use: [{ loader: fileURLToPath(new URL('./lib/lab/snapshot/snapshot-loader.cjs', import.meta.url)) }],
  })
  return config
}

/**
 * Prisma in the lab (lib/lab/modules/builtins/prisma/), client build only: the worker gets
 * `package-sources.browser.ts`, which imports the adapter's source as text (`?raw`, `asset/source`)
 * through the alias `lab-prisma-adapter-pg-source` (the package's exports name no such subpath), and
 * the placeholder `query-compiler.postgresql.bin` becomes Prisma's Postgres query compiler
 * (WebAssembly, decoded from @prisma/client's base64 module), emitted under `_next/static/media/` and
 * fetched by Prisma labs only.
 */
function shipPrismaRuntime(config, { isServer, webpack }) {
  if (isServer) return config
  const require = createRequire(import.meta.url)
  config.resolve.alias = {
    ...config.resolve.alias,
    'lab-prisma-adapter-pg-source$': require.resolve('@prisma/adapter-pg').replace(/index\.js$/, 'index.mjs'),
  }
  config.plugins.push(
    new webpack.NormalModuleReplacementPlugin(/^\.\/package-sources$/, (resource) => {
      if (/builtins[\\/]prisma$/.test(resource.context)) resource.request = './package-sources.browser'
    }),
  )
  config.module.rules.push(
    { resourceQuery: /^\?raw$/, type: 'asset/source' },
    {
      test: /query-compiler\.postgresql\.bin$/,
      use: [
        {
          loader: fileURLToPath(
            new URL('./lib/lab/modules/builtins/prisma/query-compiler-loader.cjs', import.meta.url),
          ),
        },
      ],
    },
  )
  return config
}

/**
 * Sandpack is the course's editor only (never its preview, bundler or CodeSandbox). Its client loader still
 * imports the three preview clients on demand, so webpack would emit them (~45 kB gzip, two copies of a MIME
 * database) as chunks no page ever loads. They are swapped for lib/site/sandpack-no-preview.mjs, which
 * throws if anything ever tries to start a preview.
 */
function leaveOutSandpackPreview(config, { isServer, webpack }) {
  if (isServer) return config
  const stub = fileURLToPath(new URL('./lib/site/sandpack-no-preview.mjs', import.meta.url))
  config.plugins.push(
    new webpack.NormalModuleReplacementPlugin(
      /^\.\/(clients\/(node|runtime)\/index\.mjs|index-[0-9a-f]+\.mjs)$/,
      (resource) => {
        if (/sandpack-client[\\/]dist$/.test(resource.context)) resource.request = stub
      },
    ),
  )
  return config
}

/**
 * Webpack's persistent cache keys compiled MDX on next.config.mjs only; the MDX plugins are code it
 * runs, so a change to them must invalidate the cache too (otherwise pages keep their old output).
 */
function invalidateCacheOnMdxPlugins(config) {
  if (config.cache && typeof config.cache === 'object') {
    config.cache.buildDependencies = {
      ...config.cache.buildDependencies,
      mdxPlugins: [fileURLToPath(new URL('./lib/mdx/', import.meta.url))],
    }
  }
  return config
}

export default withNextra({
  output: 'export',
  // Every page is written as `<route>/index.html`, so any static host or CDN serves `/decide/`
  // without rewrite rules, and relative links inside a page resolve the same everywhere.
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  env: { COURSE_REPOSITORY_URL: repositoryUrl() },
  // Lint and types run as their own stages of `npm test`; the build should not repeat them.
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  webpack: (config, options) =>
    invalidateCacheOnMdxPlugins(
      zodEnglishOnly(
        leaveOutSandpackPreview(
          shipPrismaRuntime(shipDatabaseSnapshot(ignoreNodeBuiltinsInTheBrowser(config, options)), options),
          options,
        ),
        options,
      ),
    ),
})
