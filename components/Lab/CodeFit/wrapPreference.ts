/**
 * The reader's soft-wrap choice for every lab's editor, kept in localStorage and shared by the labs of
 * a page (and other tabs, through the `storage` event). Storage that is full, disabled or throwing
 * never breaks the toggle: the choice then lasts until the page is left.
 */
import { useCallback, useSyncExternalStore } from 'react'

const KEY = 'course-lab:wrap:v1'

let memory: boolean | null = null
const listeners = new Set<() => void>()

function read(): boolean {
  if (memory !== null) return memory
  try {
    memory = window.localStorage.getItem(KEY) === 'on'
  } catch {
    memory = false // Access itself throws when storage is disabled (e.g. blocked cookies).
  }
  return memory
}

/** Returns false when the choice could not be kept beyond this page. */
export function setWrapPreference(on: boolean): boolean {
  memory = on
  listeners.forEach((listener) => listener())
  try {
    if (on) window.localStorage.setItem(KEY, 'on')
    else window.localStorage.removeItem(KEY)
    return true
  } catch {
    return false
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key !== KEY && event.key !== null) return
    memory = null
    listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** `[wrap, setWrap]`; `setWrap` returns false when storage refused to keep the choice. */
export function useWrapPreference(): [boolean, (on: boolean) => boolean] {
  const wrap = useSyncExternalStore(subscribe, read, () => false)
  return [wrap, useCallback((on: boolean) => setWrapPreference(on), [])]
}
