/**
 * The `lint` and `types` stages cover the examples' code: ESLint does not skip example folders, and the
 * type-check resolves an example's imports as its own Next.js 16 app would and names the example's files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, describe, expect, it } from 'vitest'
import { scaffoldLesson } from '@/lib/content/scaffold-lesson'
import { formatDiagnostic, typecheckExamples } from '@/lib/examples/typecheck'

const root = mkdtempSync(join(tmpdir(), 'example-code-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function write(path: string, content: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), content)
}

describe('example code checks', () => {
  it('lints every example file, solutions included, and leaves only the examples app out', async () => {
    const eslint = new ESLint()
    for (const file of [
      'examples/playground/app/api/todos/route.ts',
      'examples/playground/lib/db.ts',
      'examples/simplicity-delete-exercise/solution/app/api/todos/[id]/route.ts',
      'examples/secrets-proxy-auth/proxy.ts',
    ])
      expect(await eslint.isPathIgnored(file), file).toBe(false)
    expect(await eslint.isPathIgnored('examples/verify/scripts/verify.ts')).toBe(true)
  })

  it("names an unused variable in an example's route at its line and column", async () => {
    const [result] = await new ESLint().lintText(
      `export async function POST(request: Request) {
  const started = Date.now()
  return Response.json({ ok: request.ok }, { status: 201 })
}
`,
      { filePath: 'examples/playground/app/api/orders/route.ts' },
    )
    expect(result.filePath).toMatch(/examples\/playground\/app\/api\/orders\/route\.ts$/)
    expect(result.messages).toEqual([
      expect.objectContaining({ ruleId: '@typescript-eslint/no-unused-vars', line: 2, column: 9, severity: 2 }),
    ])
  })

  it("type-checks the scaffold's examples clean, and names each error's example file, line and column, route signatures included", () => {
    mkdirSync(join(root, 'pages/where-they-hurt'), { recursive: true })
    writeFileSync(join(root, 'pages/where-they-hurt/_meta.ts'), 'export default {}\n')
    scaffoldLesson(root, { section: 'where-they-hurt', title: 'Idempotency keys for POST routes', slug: 'orders' })
    // A Next.js 16-only API, pg's types, `@/` resolved to the example's own lib/, and a solution that sees its own lib/.
    write(
      'examples/orders/app/api/orders/route.ts',
      `import { updateTag } from 'next/cache'
import { pool } from '@/lib/db'

export async function POST() {
  updateTag('orders')
  const { rowCount } = await pool.query('INSERT INTO records (name) VALUES ($1)', ['x'])
  const total: string = rowCount
  return Response.json({ total })
}
`,
    )
    write('examples/orders-exercise/solution/lib/db.ts', 'export const pool = { ready: true }\n')
    write(
      'examples/orders-exercise/solution/app/api/records/[id]/route.ts',
      `import { pool } from '@/lib/db'

export async function GET() {
  return Response.json({ ready: pool.ready, rows: pool.query })
}
`,
    )
    // A Next.js 15 style handler: params is no Promise. `next build` refuses it; so does the check.
    write(
      'examples/orders/app/api/orders/[id]/route.ts',
      `export async function GET(_request: Request, { params }: { params: { id: string } }) {
  return Response.json({ id: params.id })
}
`,
    )
    const result = typecheckExamples(process.cwd(), join(root, 'examples'))
    // The temporary folder is outside the repository: keep the path from examples/ on.
    const errors = result.diagnostics.map((diagnostic) =>
      formatDiagnostic(process.cwd(), diagnostic).replace(/^.*?(?=examples\/)/, ''),
    )
    expect(errors).toEqual([
      expect.stringMatching(
        /^examples\/orders-exercise\/solution\/app\/api\/records\/\[id\]\/route\.ts:4:56 - error TS2339: Property 'query' does not exist on type '\{ ready: boolean; \}'/,
      ),
      expect.stringMatching(
        /^examples\/orders\/app\/api\/orders\/\[id\]\/route\.ts:1:1 - error TS2322: GET does not fit the route handler type `next build` checks in Next\.js 16: \(request: NextRequest, context: \{ params: Promise<\{ id: string \}> \}\)/,
      ),
      expect.stringMatching(
        /^examples\/orders\/app\/api\/orders\/route\.ts:7:9 - error TS2322: Type 'number \| null' is not assignable to type 'string'/,
      ),
    ])
  })
})
