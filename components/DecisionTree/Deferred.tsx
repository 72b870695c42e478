/**
 * The decision tree as /decide/ embeds it, with the widget's code (its components, the tree's data
 * and the rules, the course verdict and the facts it cites, ~15 kB gzip) out of the page's first-load JS. The build renders the whole widget into
 * the HTML (the six questions, the progress and the pending verdict), which reads the same with
 * JavaScript off; in the browser the interactive widget (./index.tsx) loads right after hydration and
 * takes its place with the same markup. Its radios are disabled until then, as they are during
 * hydration anyway (the answers in the URL are not known before), so no answer can be lost.
 */
import { useEffect, useState, type ComponentType } from 'react'
import { ServerOnly } from '@/components/MDX/ServerOnly'
import type * as DecisionTreeModule from './index'
// The widget's styles belong to the page's first CSS: the static markup uses them before the code loads.
import './DecisionTree.module.css'

/**
 * The widget at build time only. A `require` (not an `import`) because Next's compiler folds
 * `typeof window` in the browser bundle and webpack then never follows this branch.
 */
function buildTimeWidget() {
  if (typeof window === 'undefined') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DecisionTree } = require('./index') as typeof DecisionTreeModule
    return <DecisionTree />
  }
  return undefined
}

export function DeferredDecisionTree() {
  const [Widget, setWidget] = useState<ComponentType | null>(null)

  useEffect(() => {
    let live = true
    import('./index')
      .then((module) => live && setWidget(() => module.DecisionTree))
      .catch(() => {
        // Offline or a failed deploy: the page keeps the static questions and its written-out rules.
      })
    return () => {
      live = false
    }
  }, [])

  if (Widget) return <Widget />
  return (
    <ServerOnly as="div" data-so-idle="decision-tree" style={{ display: 'contents' }}>
      {buildTimeWidget()}
    </ServerOnly>
  )
}
