/**
 * Where a share link keeps its lab: the URL fragment, `#lab=<example id>&code=<payload>`
 * (payload: codec.ts). A fragment is never sent to the server, so the code stays in the link.
 * Small and free of the codec: the page's Lab entry (../index.tsx) reads it to open the lab a link
 * points at straight away.
 */

const LAB_KEY = 'lab'
const CODE_KEY = 'code'

export interface ShareTarget {
  example: string
  payload: string
}

/** The share link in `hash` (location.hash by default), if it points at a lab. */
export function readShareTarget(
  hash: string = typeof location === 'undefined' ? '' : location.hash,
): ShareTarget | null {
  if (!hash.startsWith('#')) return null
  const params = new URLSearchParams(hash.slice(1))
  const example = params.get(LAB_KEY)
  return example ? { example, payload: params.get(CODE_KEY) ?? '' } : null
}

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
