import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('.', import.meta.url)) },
  },
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'examples/*/*.test.ts', 'tests/unit/**/*.test.ts'],
    // PGlite's first initdb takes ~3 s on this 2-core machine; engine suites share one database per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
