/**
 * Writing and clearing a share link (its fragment: target.ts). Loaded with the interactive lab, not
 * with the page.
 */
import { CODE_KEY, LAB_KEY, readShareTarget } from './target'

export { readShareTarget, type ShareTarget } from './target'

/** The link for `payload`: this page's address with the share fragment. */
export function shareUrl(example: string, payload: string, here: Location = location): string {
  const fragment = new URLSearchParams({ [LAB_KEY]: example, [CODE_KEY]: payload }).toString()
  return `${here.origin}${here.pathname}${here.search}#${fragment}`
}

/** Takes the share fragment out of the address bar (without a navigation), so a reload shows the reader's own lab. */
export function forgetShareTarget(example: string): void {
  if (readShareTarget()?.example !== example) return
  history.replaceState(history.state, '', `${location.pathname}${location.search}`)
}
