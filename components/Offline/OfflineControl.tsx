/**
 * The offline control: whether the course is available offline, how much it stores, a button to store
 * the labs too, and one to remove the offline copy. The state comes from lib/offline/register.ts, which
 * asks the service worker.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import styles from '@/components/Progress/CourseMap.module.css'
import {
  getOfflineState,
  keepOffline,
  refreshOfflineStatus,
  removeOfflineCopy,
  storeLabsOffline,
  subscribeOffline,
  type OfflineState,
} from '@/lib/offline/register'

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

function describe(state: OfflineState): string {
  switch (state.kind) {
    case 'unsupported':
      return 'This browser cannot keep the course for offline use (it has no service workers here). Everything works online.'
    case 'off':
      return 'The course is not stored on this device: pages and labs load from the network.'
    case 'starting':
      return 'Preparing the offline copy of the pages…'
    case 'failed':
      return `The offline copy could not be prepared (${state.message}). Everything works online as usual.`
    case 'ready': {
      const { status } = state
      const { lab } = status
      const stored = status.pagesBytes + lab.cachedBytes
      if (lab.cachedFiles === lab.totalFiles)
        return `Available offline: every page and every lab. Stored on this device: ${mb(stored)}.`
      if (lab.downloading)
        return `Every page is available offline. Storing the labs: ${mb(lab.cachedBytes)} of ${mb(lab.totalBytes)}…`
      return `Every page is available offline (${mb(status.pagesBytes)}). Labs need the network until their engine is stored (${mb(lab.totalBytes)}); that happens on its own once you use a lab.${lab.error ? ` The last attempt stopped: ${lab.error}.` : ''}`
    }
  }
}

export function OfflineControl() {
  const state = useSyncExternalStore(subscribeOffline, getOfflineState, getOfflineState)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    void refreshOfflineStatus()
  }, [])

  const run = (action: () => Promise<void>) => async () => {
    setBusy(true)
    try {
      await action()
    } finally {
      setBusy(false)
    }
  }
  const ready = state.kind === 'ready' ? state.status : null
  const labsComplete = ready ? ready.lab.cachedFiles === ready.lab.totalFiles : false
  // The worker stores the labs in the background once a lab is used: follow it until they are all there.
  const following = state.kind === 'starting' || (ready !== null && !labsComplete)
  useEffect(() => {
    if (!following) return
    const timer = setInterval(() => void refreshOfflineStatus(), 1500)
    return () => clearInterval(timer)
  }, [following])

  return (
    <section className={styles.panelBox} aria-labelledby="offline-heading" data-testid="offline-control">
      <h3 id="offline-heading">Offline use</h3>
      <p
        role="status"
        data-testid="offline-status"
        data-offline={state.kind === 'ready' ? (labsComplete ? 'all' : 'pages') : state.kind}
      >
        {describe(state)}
      </p>
      <div className={styles.row}>
        {ready && !labsComplete && (
          <button
            type="button"
            className={styles.button}
            disabled={busy || ready.lab.downloading}
            onClick={run(storeLabsOffline)}
          >
            Store the labs too ({mb(ready.lab.totalBytes - ready.lab.cachedBytes)})
          </button>
        )}
        {ready && (
          <button
            type="button"
            className={`${styles.button} ${styles.danger}`}
            disabled={busy}
            onClick={run(removeOfflineCopy)}
          >
            Remove the offline copy
          </button>
        )}
        {(state.kind === 'off' || state.kind === 'failed') && (
          <button type="button" className={styles.button} disabled={busy} onClick={run(keepOffline)}>
            Keep the course offline
          </button>
        )}
      </div>
    </section>
  )
}
