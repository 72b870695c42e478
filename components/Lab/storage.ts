/**
 * The reader's edits, per example, in localStorage. Only files that differ from the starter are
 * kept, with the starter's hash, so a later visit can tell that the lesson's example changed.
 * Every access is guarded: storage that is full, disabled or throwing must never break the lab.
 * Exercise passes are the reader's progress and live in lib/progress/ (which migrates the old
 * `course-lab:done:v1:<id>` keys this file used to write).
 */
import type { FileTree } from '@/lib/lab/types'

const EDITS_PREFIX = 'course-lab:edits:v1:'

export interface SavedEdits {
  /** Hash of the starter files the edits were made against. */
  hash: string
  /** Only the files the reader changed. */
  files: FileTree
  savedAt: number
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null // Access itself throws when storage is disabled (e.g. blocked cookies).
  }
}

export function loadEdits(exampleId: string): SavedEdits | null {
  try {
    const raw = storage()?.getItem(EDITS_PREFIX + exampleId)
    if (!raw) return null
    const saved = JSON.parse(raw) as SavedEdits
    return saved && typeof saved.hash === 'string' && saved.files && typeof saved.files === 'object' ? saved : null
  } catch {
    return null
  }
}

/** Returns false when the edits could not be kept (storage full or disabled). */
export function saveEdits(exampleId: string, hash: string, starter: FileTree, current: FileTree): boolean {
  const changed: FileTree = {}
  for (const [path, code] of Object.entries(current)) if (starter[path] !== code) changed[path] = code
  const store = storage()
  if (!store) return false
  try {
    if (Object.keys(changed).length === 0) store.removeItem(EDITS_PREFIX + exampleId)
    else
      store.setItem(
        EDITS_PREFIX + exampleId,
        JSON.stringify({ hash, files: changed, savedAt: Date.now() } satisfies SavedEdits),
      )
    return true
  } catch {
    return false
  }
}

export function clearEdits(exampleId: string): boolean {
  try {
    storage()?.removeItem(EDITS_PREFIX + exampleId)
    return true
  } catch {
    return false
  }
}
