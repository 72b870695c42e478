import { useState } from 'react'
import { loadRevealedHints, saveRevealedHints } from './storage'

/**
 * The one owner of how many hints are showing. Read from storage when the interactive lab mounts
 * (it is never rendered on the server, so there is no hydration to match); each reveal is saved.
 * `announced` is the hint the reader just revealed, for the live region: hints restored from an
 * earlier visit are shown but not read out.
 */
export function useRevealedHints(exampleId: string | undefined, total: number) {
  const [revealed, setRevealed] = useState(() => (exampleId ? loadRevealedHints(exampleId, total) : 0))
  const [announced, setAnnounced] = useState<number | null>(null)
  function revealNext() {
    if (revealed >= total) return
    const next = revealed + 1
    setRevealed(next)
    setAnnounced(next)
    if (exampleId) saveRevealedHints(exampleId, next)
  }
  return { revealed, announced, revealNext }
}
