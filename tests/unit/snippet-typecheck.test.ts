/**
 * The type-check of the pages' snippets against the real packages (lib/examples/typecheck-snippets.ts, run by the
 * `types` stage) catches a wrong call to each coverage package: Neon's and PlanetScale's drivers, Express and the
 * Firebase Admin SDK. It reads no page, so `npm run check` leaves it out when only content changed
 * (scripts/check-scope.mjs); it takes ~10 s of tsc.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PageSnippet } from '@/lib/content/page-snippets'
import { typecheckSnippets } from '@/lib/examples/typecheck-snippets'

const ROOT = join(__dirname, '../..')

describe('the snippet type-check', () => {
  const snippet = (code: string): PageSnippet => ({ file: 'pages/demo.mdx', line: 10, lang: 'ts', meta: '', code })

  it('fails a wrong call to each coverage package, at the page line', () => {
    const { errors } = typecheckSnippets(ROOT, [
      snippet("import { neon } from '@neondatabase/serverless'\nexport const sql = neon(42)"),
      snippet("import { connect } from '@planetscale/database'\nexport const db = connect({ uri: 'x' })"),
      snippet("import express from 'express'\nexpress().get('/', (req, res) => res.stats(404))"),
      snippet(
        "import { getFirestore } from 'firebase-admin/firestore'\nexport const n: number = (await getFirestore().collection('p').get()).docs",
      ),
    ])
    expect(errors).toHaveLength(4)
    expect(errors.every((error) => error.startsWith('pages/demo.mdx:12:'))).toBe(true)
  }, 60_000)

  it("passes the reader's own modules as any and a relative import as one of them", () => {
    const { errors } = typecheckSnippets(ROOT, [
      snippet(
        "import { pool } from './lib/db'\nimport { app } from '@/lib/firebase-admin'\nexport const x = [pool, app]",
      ),
      { ...snippet('const unfinished = undefinedName'), meta: 'filename="x.ts" check=parse' },
    ])
    expect(errors).toEqual([])
  }, 60_000)
})
