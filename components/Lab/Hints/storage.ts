/**
 * How many of an exercise's hints the reader has revealed, per example, in localStorage: a hint
 * once read stays read, as the reader's edits stay (../storage.ts). Every access is guarded:
 * storage that is full, disabled or throwing must never break the lab.
 */
const HINTS_PREFIX = 'course-lab:hints:v1:'

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null // Access itself throws when storage is disabled (e.g. blocked cookies).
  }
}

/** The hints revealed so far, within 0…`total` (a lesson may have removed hints since). */
export function loadRevealedHints(exampleId: string, total: number): number {
  try {
    const revealed = Number(storage()?.getItem(HINTS_PREFIX + exampleId) ?? 0)
    return Number.isInteger(revealed) ? Math.min(Math.max(revealed, 0), total) : 0
  } catch {
    return 0
  }
}

/** Returns false when the count could not be kept (storage full or disabled); the hints still show. */
export function saveRevealedHints(exampleId: string, revealed: number): boolean {
  try {
    const store = storage()
    if (!store) return false
    store.setItem(HINTS_PREFIX + exampleId, String(revealed))
    return true
  } catch {
    return false
  }
}
