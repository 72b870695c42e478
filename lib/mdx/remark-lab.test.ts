import { compile } from '@mdx-js/mdx'
import { describe, expect, it } from 'vitest'
import remarkLab from './remark-lab.mjs'

async function compileMdx(value: string, path = `${process.cwd()}/pages/some-lesson.mdx`) {
  return String(await compile({ value, path }, { remarkPlugins: [remarkLab] }))
}

describe('remark-lab', () => {
  it('passes the title, the meta and highlight for the build only, a lazy import of meta and files, and the Lab import', async () => {
    const code = await compileMdx('# Lesson\n\n<Lab example="playground" />\n')
    expect(code).toContain(`import {Lab} from '@/components/Lab'`)
    expect(code).toMatch(/title: "[^"]+"/)
    // Server-only: the client bundle folds `typeof window` and drops both (see serverOnlyAttribute).
    expect(code).toMatch(/meta: typeof window === "undefined" \? \{\s*"id": "playground"/)
    expect(code).toMatch(/"activeFile": "pages\/api\/todos\/index\.ts"/)
    expect(code).toContain('highlighted: typeof window === "undefined" ? "<pre class=\\"shiki\\">')
    const request =
      /loadLab: \(\) => import\("!!\.\.\/lib\/mdx\/lab-module-loader\.cjs\?meta=([\w-]+)!\.\.\/examples\/playground\/meta\.ts"\)/.exec(
        code,
      )
    expect(request, 'the lazy import of the lab module').not.toBeNull()
    const meta = JSON.parse(Buffer.from(request![1], 'base64url').toString('utf8'))
    expect(meta).toMatchObject({ id: 'playground', activeFile: 'pages/api/todos/index.ts' })
    expect(meta.editorHeight).toBeGreaterThan(0)
  })

  it('keeps an import the author wrote instead of adding a second one', async () => {
    const code = await compileMdx('import { Lab } from \'@/components/Lab\'\n\n<Lab example="playground" />\n')
    expect(code.match(/from '@\/components\/Lab'/g)).toHaveLength(1)
  })

  it('fails with the MDX file, the line and the available ids when the id is wrong', async () => {
    await expect(compileMdx('# Lesson\n\ntext\n\n<Lab example="todos-pool" />\n')).rejects.toThrow(
      /pages\/some-lesson\.mdx:5: <Lab example="todos-pool" \/>: There is no example "todos-pool".*Available examples: .*playground/,
    )
  })

  it('asks for a literal id', async () => {
    await expect(compileMdx('<Lab example={id} />\n')).rejects.toThrow(/needs a literal example id/)
  })
})
