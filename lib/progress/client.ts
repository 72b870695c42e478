/**
 * The lazy door to the progress store: components use this, never store.ts directly, so zod and the
 * store load in their own chunk after the page is interactive, not in any page's first-load JS.
 */
import { useSyncExternalStore } from 'react'
import type * as Store from './store'

type StoreModule = typeof Store
let loaded: StoreModule | null = null
let loading: Promise<StoreModule> | null = null

export function loadProgressStore(): Promise<StoreModule> {
  loading ??= import(/* webpackChunkName: "progress" */ './store').then((module) => (loaded = module))
  return loading
}

function subscribe(onChange: () => void) {
  let unsubscribe: (() => void) | undefined
  let active = true
  void loadProgressStore().then((store) => {
    if (!active) return
    unsubscribe = store.subscribe(onChange)
    onChange()
  })
  return () => {
    active = false
    unsubscribe?.()
  }
}

const getSnapshot = () => loaded?.getSnapshot() ?? null
const getServerSnapshot = () => null

/** The reader's progress, or null while the store loads (and in the build's HTML). */
export function useProgress(): Store.ProgressSnapshot | null {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
}

/** `/why-api-routes-work/simplicity/#x` → `/why-api-routes-work/simplicity`: the page map's route. */
export function routeOf(path: string): string {
  const pathname = path
    .split(/[?#]/)[0]
    .replace(/\/index(\.html)?$/, '/')
    .replace(/\.html$/, '')
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : '/'
}

/** The reader's pass of an exercise: when (null if not known), and whether it is being saved. */
export function useExercisePassed(exampleId: string): { passedAt: number | null; saved: boolean } | null {
  const snapshot = useProgress()
  const exercise = snapshot?.progress.exercises[exampleId]
  return exercise ? { passedAt: exercise.passedAt, saved: snapshot.saving.ok } : null
}

/** Records a pass (every check green with the reader's own code) on the page it happened on. */
export function recordExercisePassed(exampleId: string) {
  const route = typeof window === 'undefined' ? undefined : routeOf(window.location.pathname)
  void loadProgressStore().then((store) => store.recordExercisePassed(exampleId, route))
}
