import { compile } from '@mdx-js/mdx'
import { describe, expect, it } from 'vitest'
import remarkLab from './remark-lab.mjs'

async function compileMdx(value: string, path = `${process.cwd()}/pages/some-lesson.mdx`) {
  return String(await compile({ value, path }, { remarkPlugins: [remarkLab] }))
}

describe('remark-lab', () => {
  it('injects the meta, the static highlight, a lazy import of the files, and the Lab import', async () => {
    const code = await compileMdx('# Lesson\n\n<Lab example="playground" />\n')
    expect(code).toContain(`import {Lab} from '@/components/Lab'`)
    expect(code).toMatch(/"activeFile": "pages\/api\/todos\/index\.ts"/)
    // Server-only: the client bundle folds `typeof window` and drops the string (see serverOnlyStringAttribute).
    expect(code).toContain('highlighted: typeof window === "undefined" ? "<pre class=\\"shiki\\">')
    expect(code).toContain(
      'loadFiles: () => import("!!../lib/examples/files-loader.cjs!../examples/playground/meta.ts")',
    )
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
