import { compile } from '@mdx-js/mdx'
import { describe, expect, it } from 'vitest'
import recmaServerOnly from './recma-server-only.mjs'

// Nextra compiles pages with `jsx: true` and a components provider; the plugin works on that JSX.
async function compileMdx(value: string) {
  return String(
    await compile(value, { jsx: true, providerImportSource: 'nextra/mdx', recmaPlugins: [recmaServerOnly] }),
  )
}

const LONG = 'A paragraph long enough to be worth leaving out of the JavaScript'

describe('recma-server-only', () => {
  it('keeps the children of static blocks for the server only, and the element itself on both sides', async () => {
    const code = await compileMdx(`# Title\n\n${LONG}, with \`code\` and a [link](/decide/).\n\n- ${LONG}\n- two\n`)
    expect(code).toContain(`import {ServerOnly as _ServerOnly} from "@/components/MDX/ServerOnly"`)
    // A paragraph is the plain element, styled by styles/site.css (`p[data-so]`), not Nextra's classes on each.
    expect(code).toMatch(/<_ServerOnly as=\{"p"\} data-so="0">\{typeof window === "undefined" \? <>/)
    expect(code).toMatch(/<_ServerOnly as=\{_components\.ul\} data-so="1">/)
    // Headings stay JSX: the table of contents observes them.
    expect(code).toContain('<_components.h1>')
  })

  it('leaves blocks with components or expressions in them as they are', async () => {
    const code = await compileMdx(`import { X } from './x'\n\n${LONG} <X />.\n\n${LONG} {1 + 1}.\n`)
    expect(code).not.toContain('_ServerOnly')
  })

  it("keeps a code fence's <pre> (copy button) and makes its <code> lines server-only", async () => {
    const code = await compileMdx('```ts\nconst answer = 42 // a line long enough to count\n```\n')
    expect(code).toMatch(/<_components\.pre><_ServerOnly as=\{_components\.code\} data-so="0"/)
  })

  it('keeps a Callout with static content for the server only, in a display: contents box', async () => {
    const code = await compileMdx(
      `import { Callout } from 'nextra/components'\n\n<Callout type="info">\n\n${LONG}\n\n</Callout>\n`,
    )
    expect(code).toMatch(
      /<_ServerOnly as="div" data-so="0" style=\{\{\s*display: "contents"\s*\}\}>\{typeof window === "undefined" \? <><Callout type="info">/,
    )
  })

  it('keeps a top-level image for the server only in a box, and one in a paragraph with its paragraph', async () => {
    const code = await compileMdx(
      `<img src="/diagrams/a.svg" alt="${LONG}" width={720} height={250} style={{ maxWidth: '100%' }} />\n\nText <img src="/b.svg" alt="b" /> inline.\n`,
    )
    expect(code).toMatch(
      /<_ServerOnly as="div" data-so="0" style=\{\{\s*display: "contents"\s*\}\}>\{typeof window === "undefined" \? <><img src="\/diagrams\/a\.svg"/,
    )
    // A <div> inside a <p> would be invalid HTML: the paragraph is the server-only block.
    expect(code.match(/<_ServerOnly as="div"/g)).toHaveLength(1)
    expect(code).toMatch(/<_ServerOnly as=\{"p"\} data-so="1">/)
  })

  it('looks inside Tabs, not inside other components', async () => {
    const code = await compileMdx(
      `import { Callout, Tabs } from 'nextra/components'\nimport { Other } from './other'\n\n<Callout>\n\n${LONG} {1 + 1}\n\n${LONG}\n\n</Callout>\n\n<Tabs items={['a']}>\n<Tabs.Tab>\n\n${LONG}\n\n</Tabs.Tab>\n</Tabs>\n\n<Other>\n\n${LONG}\n\n</Other>\n`,
    )
    expect(code.match(/<_ServerOnly /g)).toHaveLength(2)
  })
})
