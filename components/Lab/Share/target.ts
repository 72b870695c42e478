/**
 * Where a share link keeps its lab: the URL fragment, `#lab=<example id>&code=<payload>`
 * (payload: codec.ts). A fragment is never sent to the server, so the code stays in the link.
 * Only the reading is here, because the page's Lab entry (../index.tsx) loads with every lesson and
 * reads it to open the lab a link points at straight away; writing a link is in link.ts, loaded lazily.
 */

export const LAB_KEY = 'lab'
export const CODE_KEY = 'code'

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
