import { compile } from '@mdx-js/mdx'
import { describe, expect, it } from 'vitest'
import recmaLightTabs from './recma-light-tabs.mjs'

async function compileMdx(value: string) {
  return String(await compile(value, { jsx: true, providerImportSource: 'nextra/mdx', recmaPlugins: [recmaLightTabs] }))
}

describe('recma-light-tabs', () => {
  it("swaps Nextra's Tabs for the light ones and keeps the other nextra/components imports", async () => {
    const code = await compileMdx(
      `import { Callout, Tabs } from 'nextra/components'\n\n<Tabs items={['a']}><Tabs.Tab>a</Tabs.Tab></Tabs>\n`,
    )
    expect(code).toContain('import {Tabs} from "@/components/MDX/Tabs"')
    expect(code).toMatch(/import \{Callout\} from ['"]nextra\/components['"]/)
  })

  it('drops an import left empty, and leaves a page without Tabs alone', async () => {
    const only = await compileMdx(
      `import { Tabs } from 'nextra/components'\n\n<Tabs items={['a']}><Tabs.Tab>a</Tabs.Tab></Tabs>\n`,
    )
    expect(only).toContain('import {Tabs} from "@/components/MDX/Tabs"')
    expect(only).not.toMatch(/from ['"]nextra\/components['"]/)
    const none = await compileMdx(`import { Callout } from 'nextra/components'\n\n<Callout>a</Callout>\n`)
    expect(none).not.toContain('@/components/MDX/Tabs')
  })
})
