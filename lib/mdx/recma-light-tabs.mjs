// recma plugin: MDX pages that import Nextra's `Tabs` get the course's light Tabs instead
// (components/MDX/Tabs.tsx: the same markup and keyboard behaviour without Headless UI, which would
// otherwise load on every page that has tabs). Other imports from nextra/components stay as they are.

const LIGHT_TABS = '@/components/MDX/Tabs'

/**
 * `import { Tabs } from 'nextra/components'` → `import { Tabs } from '@/components/MDX/Tabs'`: the same
 * markup without Headless UI (see that file). Other imports from nextra/components stay as they are.
 */
function swapInLightTabs(program) {
  for (const [index, statement] of program.body.entries()) {
    if (statement.type !== 'ImportDeclaration' || statement.source.value !== 'nextra/components') continue
    const tabs = statement.specifiers.find(
      (specifier) => specifier.type === 'ImportSpecifier' && specifier.imported.name === 'Tabs',
    )
    if (!tabs) continue
    statement.specifiers = statement.specifiers.filter((specifier) => specifier !== tabs)
    const light = { type: 'ImportDeclaration', specifiers: [tabs], source: literal(LIGHT_TABS), attributes: [] }
    program.body.splice(index, statement.specifiers.length === 0 ? 1 : 0, light)
    return
  }
}

function literal(value) {
  return { type: 'Literal', value, raw: JSON.stringify(value) }
}

export default function recmaLightTabs() {
  return function transform(program) {
    swapInLightTabs(program)
  }
}
