/**
 * "Copy link": the lab's changed files, compressed into the URL fragment of a link to this page
 * (codec.ts, link.ts), copied to the clipboard and shown, so a reader whose browser refuses the
 * clipboard can copy it by hand. The codec loads on the first press.
 */
import { useState } from 'react'
import type { FileTree } from '@/lib/lab/types'
import labStyles from '../Lab.module.css'
import styles from './Share.module.css'

export interface CopyLinkButtonProps {
  example: string
  /** The example's starter hash: a link made for an older version says so when opened. */
  hash: string
  starter: FileTree
  files: FileTree
}

type Result = { kind: 'link'; url: string; copied: boolean; count: number } | { kind: 'message'; text: string } | null

export function CopyLinkButton({ example, hash, starter, files }: CopyLinkButtonProps) {
  const [result, setResult] = useState<Result>(null)
  const [busy, setBusy] = useState(false)

  async function copy() {
    const changed = changedFiles(starter, files)
    const count = Object.keys(changed).length
    if (count === 0) {
      setResult({ kind: 'message', text: 'Nothing to share yet: the code is the original. Edit it, then copy a link.' })
      return
    }
    setBusy(true)
    try {
      const [{ encodeShare, MAX_LINK_CHARS }, { shareUrl }] = await Promise.all([import('./codec'), import('./link')])
      const payload = await encodeShare({ v: 1, example, hash, files: changed })
      if (payload.length > MAX_LINK_CHARS) {
        setResult({
          kind: 'message',
          text: `Your changes are too large for a link (${payload.length.toLocaleString('en')} characters compressed; a link holds ${MAX_LINK_CHARS.toLocaleString('en')}). Share fewer changes, or copy the files themselves.`,
        })
        return
      }
      const url = shareUrl(example, payload)
      let copied = false
      try {
        await navigator.clipboard.writeText(url)
        copied = true
      } catch {
        // No clipboard (permission, an insecure origin): the field below has the link to copy by hand.
      }
      setResult({ kind: 'link', url, copied, count })
    } catch (error) {
      setResult({ kind: 'message', text: `The link could not be made: ${(error as Error).message}` })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className={labStyles.button} onClick={() => void copy()} aria-busy={busy || undefined}>
        Copy link
      </button>
      <div className={styles.result} role="status" data-testid="share-result">
        {result?.kind === 'message' && <p>{result.text}</p>}
        {result?.kind === 'link' && (
          <>
            <p>
              {result.copied ? 'Link copied.' : 'Copy this link:'} It holds your changes to {result.count}{' '}
              {result.count === 1 ? 'file' : 'files'} in the link itself; nothing is uploaded.
            </p>
            <input
              className={styles.link}
              readOnly
              value={result.url}
              aria-label="Share link"
              onFocus={(event) => event.currentTarget.select()}
            />
          </>
        )}
      </div>
    </>
  )
}

/** Only the files that differ from the starter, as saveEdits (../storage.ts) keeps them. */
export function changedFiles(starter: FileTree, files: FileTree): FileTree {
  const changed: FileTree = {}
  for (const [path, code] of Object.entries(files))
    if (Object.hasOwn(starter, path) && starter[path] !== code) changed[path] = code
  return changed
}
