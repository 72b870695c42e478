import { describe, expect, it } from 'vitest'
import { toExamplePaths } from '@/examples/verify/scripts/source-paths'
import type { Variant } from '@/examples/verify/scripts/variants'

const variant = (key: string, id: string, kind: Variant['kind'], files: Record<string, string>): Variant => ({
  key,
  id,
  kind,
  preset: 'p',
  files,
  scenario: { requests: [] },
  originalRequests: 0,
})

describe('the examples stage names the example files, not the generated app', () => {
  const variants = [
    variant('pooling-module-pool', 'pooling-module-pool', 'starter', {
      'app/api/todos/route.ts': "import { pool } from '@/lib/db'\n",
      'lib/db.ts':
        "import { Pool } from 'pg'\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL })\n",
      'proxy.ts': 'export function proxy() {}\n',
    }),
    variant('simplicity-todos-pages', 'simplicity-todos-pages', 'starter', { 'pages/api/todos/[id].ts': '' }),
    variant('simplicity-delete-exercise--solution', 'simplicity-delete-exercise', 'solution', {
      'app/api/todos/[id]/route.ts': '',
    }),
  ]

  it('maps routes, API routes, libraries and the proxy back, with their lines', () => {
    const output = [
      './app/api/x/pooling-module-pool/api/todos/route.ts:12:5',
      'Type error in pages/api/x/simplicity-todos-pages/api/todos/[id].ts(3,7): nope',
      './ex/pooling-module-pool/lib/db.ts:2:1',
      'ex/pooling-module-pool/proxy.ts',
      './ex/pooling-module-pool/__verify/env.ts:1:1',
    ].join('\n')
    expect(toExamplePaths(output, variants, process.cwd()).split('\n')).toEqual([
      'examples/pooling-module-pool/app/api/todos/route.ts:12:5',
      'Type error in examples/simplicity-todos-pages/pages/api/todos/[id].ts:3:7: nope',
      // db.ts uses process.env, so the mount put an import line above line 1.
      'examples/pooling-module-pool/lib/db.ts:1:1',
      'examples/pooling-module-pool/proxy.ts',
      './ex/pooling-module-pool/__verify/env.ts:1:1',
    ])
  })

  it("names a solution's own file under solution/", () => {
    expect(
      toExamplePaths(
        './app/api/x/simplicity-delete-exercise--solution/api/todos/[id]/route.ts:4:2',
        variants,
        process.cwd(),
      ),
    ).toBe('examples/simplicity-delete-exercise/solution/app/api/todos/[id]/route.ts:4:2')
  })
})
