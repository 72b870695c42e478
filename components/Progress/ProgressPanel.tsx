/**
 * Below the course map (loaded lazily): export the reader's progress to a file, import one from another
 * device (merged: nothing this device knows is lost), reset with a confirmation, and the offline control.
 * A file that is not this course's progress, or is damaged, gets a message and changes nothing.
 */
import { useRef, useState } from 'react'
import { OfflineControl } from '@/components/Offline/OfflineControl'
import { loadProgressStore, useProgress } from '@/lib/progress/client'
import styles from './CourseMap.module.css'

type Message = { kind: 'ok' | 'error'; text: string } | null

/** Bigger than any real export by far; a larger file is not one. */
const MAX_IMPORT_BYTES = 1_000_000

export default function ProgressPanel() {
  const snapshot = useProgress()
  const fileInput = useRef<HTMLInputElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)
  const [message, setMessage] = useState<Message>(null)
  const [confirmingReset, setConfirmingReset] = useState(false)

  const exportFile = async () => {
    const store = await loadProgressStore()
    const now = new Date()
    const url = URL.createObjectURL(new Blob([store.exportProgress(now)], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `robust-apis-progress-${now.toISOString().slice(0, 10)}.json`
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    setMessage({ kind: 'ok', text: `Saved ${link.download}. Import it on another device to continue there.` })
  }

  const importFile = async (file: File | undefined) => {
    if (!file) return
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({
        kind: 'error',
        text: `${file.name} is ${Math.round(file.size / 1000)} kB, too large to be a progress export from this course. Your progress is unchanged.`,
      })
      return
    }
    const store = await loadProgressStore()
    const result = store.importProgress(await file.text())
    setMessage(
      result.ok
        ? {
            kind: 'ok',
            text: `Imported ${file.name}: ${result.lessons} ${result.lessons === 1 ? 'page' : 'pages'} and ${result.exercises} ${result.exercises === 1 ? 'exercise' : 'exercises'}, added to what this device had.`,
          }
        : { kind: 'error', text: `${file.name}: ${result.message}` },
    )
  }

  const reset = async () => {
    const store = await loadProgressStore()
    store.resetProgress()
    setConfirmingReset(false)
    setMessage({ kind: 'ok', text: 'Your progress on this device has been reset.' })
  }

  return (
    <div className={styles.panel}>
      <section className={styles.panelBox} aria-labelledby="progress-file-heading">
        <h3 id="progress-file-heading">Your progress on this device</h3>
        <p>
          It stays in this browser only. Take it to another device with a file, or start again.
          {snapshot && !snapshot.saving.ok && ' (It is not being saved right now: see above.)'}
        </p>
        <div className={styles.row}>
          <button type="button" className={styles.button} onClick={() => void exportFile()}>
            Export progress
          </button>
          <button type="button" className={styles.button} onClick={() => fileInput.current?.click()}>
            Import progress…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="progress-import"
            aria-label="Import progress from a file"
            onChange={(event) => {
              void importFile(event.target.files?.[0])
              event.target.value = ''
            }}
          />
          {!confirmingReset && (
            <button
              type="button"
              className={`${styles.button} ${styles.danger}`}
              onClick={() => {
                setConfirmingReset(true)
                setMessage(null)
                requestAnimationFrame(() => cancelButton.current?.focus())
              }}
            >
              Reset progress…
            </button>
          )}
        </div>
        {confirmingReset && (
          <div className={styles.row} role="group" aria-label="Confirm reset">
            <span>Forget every page read and exercise passed on this device?</span>
            <button type="button" className={`${styles.button} ${styles.danger}`} onClick={() => void reset()}>
              Yes, reset
            </button>
            <button
              ref={cancelButton}
              type="button"
              className={styles.button}
              onClick={() => setConfirmingReset(false)}
            >
              Cancel
            </button>
          </div>
        )}
        <p role="status" data-testid="progress-message" className={message ? styles[message.kind] : undefined}>
          {message?.text}
        </p>
      </section>
      <OfflineControl />
    </div>
  )
}
