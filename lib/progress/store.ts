/**
 * The one owner of the reader's progress: it reads and writes localStorage, validates what it reads
 * (schema.ts), and tells subscribers (the sidebar marks, the course map, the exercise panels) when it
 * changes, in this tab or in another one.
 *
 * Storage that is blocked (cookies off, some private modes) or full never breaks the course: progress
 * is kept in memory for this visit and `saving` says why it is not being saved. A stored record that
 * cannot be read is set aside under UNREADABLE_KEY, never deleted, and the course starts afresh.
 *
 * Loaded lazily (client.ts): zod and this module are never in a page's first-load JavaScript.
 */
import { mergeProgress, parseProgressFile, progressToFile } from './merge'
import { emptyProgress, exampleIdSchema, progressSchema, routeSchema, type Progress } from './schema'

export const STORAGE_KEY = 'course-progress:v1'
/** Where a stored record that failed validation is kept, so nothing the reader had is thrown away. */
export const UNREADABLE_KEY = 'course-progress:unreadable'
/** Exercise passes recorded before this store existed (components/Lab/storage.ts), migrated on load. */
const LEGACY_DONE_PREFIX = 'course-lab:done:v1:'

export type Saving = { ok: true } | { ok: false; reason: 'blocked' | 'full'; message: string }

export interface ProgressSnapshot {
  progress: Progress
  saving: Saving
}

const BLOCKED: Saving = {
  ok: false,
  reason: 'blocked',
  message:
    'Your progress is not being saved: this browser blocks storage for this site (cookies or site data are off). The course works as usual; what you do is remembered until you close the tab.',
}
const FULL: Saving = {
  ok: false,
  reason: 'full',
  message:
    'Your progress is not being saved: this browser’s storage for the site is full. The course works as usual; free some space (or remove the offline copy) and it will save again.',
}

function localStore(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null // Reading `localStorage` itself throws when storage is disabled.
  }
}

const isQuotaError = (error: unknown) =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)

function readStored(store: Storage): Progress {
  const raw = store.getItem(STORAGE_KEY)
  let progress = emptyProgress()
  if (raw) {
    try {
      progress = progressSchema.parse(JSON.parse(raw))
    } catch {
      // Keep it for the reader (or a bug report) instead of overwriting it on the next save.
      store.setItem(UNREADABLE_KEY, raw)
    }
  }
  // Passes the lab recorded before progress had its own store: they count, with their dates unknown.
  for (let index = store.length - 1; index >= 0; index--) {
    const key = store.key(index)
    if (!key?.startsWith(LEGACY_DONE_PREFIX)) continue
    const id = key.slice(LEGACY_DONE_PREFIX.length)
    if (store.getItem(key) === '1' && !progress.exercises[id] && /^[a-z0-9][a-z0-9-]*$/.test(id))
      progress.exercises[id] = { passedAt: null }
  }
  return progress
}

function removeLegacy(store: Storage) {
  for (let index = store.length - 1; index >= 0; index--) {
    const key = store.key(index)
    if (key?.startsWith(LEGACY_DONE_PREFIX)) store.removeItem(key)
  }
}

let snapshot: ProgressSnapshot | null = null
const listeners = new Set<() => void>()

function load(): ProgressSnapshot {
  const store = localStore()
  if (!store) return { progress: emptyProgress(), saving: BLOCKED }
  try {
    return { progress: readStored(store), saving: { ok: true } }
  } catch {
    return { progress: emptyProgress(), saving: BLOCKED }
  }
}

function current(): ProgressSnapshot {
  if (!snapshot) {
    snapshot = load()
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key !== STORAGE_KEY && event.key !== null) return
        snapshot = load()
        emit()
      })
    }
  }
  return snapshot
}

function emit() {
  for (const listener of listeners) listener()
}

/** Applies a change in memory at once, then tries to save it; the snapshot says whether that worked. */
function commit(next: Progress) {
  const store = localStore()
  let saving: Saving = { ok: true }
  if (!store) saving = BLOCKED
  else {
    try {
      store.setItem(STORAGE_KEY, JSON.stringify(next))
      removeLegacy(store)
    } catch (error) {
      saving = isQuotaError(error) ? FULL : BLOCKED
    }
  }
  snapshot = { progress: next, saving }
  emit()
}

export function getSnapshot(): ProgressSnapshot {
  return current()
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** A route or id the schema would reject is never written: one bad key would make the whole record unreadable. */
const validRoute = (route: string) => routeSchema.safeParse(route).success

export function recordOpened(route: string, now = Date.now()) {
  if (!validRoute(route)) return
  const { progress } = current()
  const lesson = progress.lessons[route]
  commit({
    ...progress,
    lessons: { ...progress.lessons, [route]: { ...lesson, openedAt: lesson?.openedAt ?? now, lastOpenedAt: now } },
  })
}

export function recordRead(route: string, now = Date.now()) {
  if (!validRoute(route)) return
  const { progress } = current()
  const lesson = progress.lessons[route]
  if (lesson?.readAt !== undefined) return
  commit({
    ...progress,
    lessons: {
      ...progress.lessons,
      [route]: { openedAt: lesson?.openedAt ?? now, lastOpenedAt: lesson?.lastOpenedAt ?? now, readAt: now },
    },
  })
}

export function recordExercisePassed(exampleId: string, route: string | undefined, now = Date.now()) {
  if (!exampleIdSchema.safeParse(exampleId).success) return
  if (route !== undefined && !validRoute(route)) route = undefined
  const { progress } = current()
  if (typeof progress.exercises[exampleId]?.passedAt === 'number') return // The first pass is the one shown.
  commit({
    ...progress,
    exercises: { ...progress.exercises, [exampleId]: { passedAt: now, ...(route ? { route } : {}) } },
  })
}

/** The export file's text (JSON). */
export function exportProgress(now = new Date()): string {
  return progressToFile(current().progress, now)
}

export type ImportResult = { ok: true; lessons: number; exercises: number } | { ok: false; message: string }

/** Merges an exported file into this device's progress; a file that does not validate changes nothing. */
export function importProgress(text: string): ImportResult {
  const parsed = parseProgressFile(text)
  if (!parsed.ok) return parsed
  const merged = mergeProgress(current().progress, parsed.progress)
  commit(merged)
  return {
    ok: true,
    lessons: Object.keys(parsed.progress.lessons).length,
    exercises: Object.keys(parsed.progress.exercises).length,
  }
}

/** Forgets everything this device remembers about the reader's progress. */
export function resetProgress() {
  commit({ ...current().progress, lessons: {}, exercises: {} })
}

/** For tests: forget the in-memory copy so the next call reads storage again. */
export function reloadFromStorage() {
  snapshot = load()
  emit()
}
