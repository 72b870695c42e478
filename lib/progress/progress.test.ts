import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { continueAt, courseParts, type DocsItemLike } from './course'
import { mergeProgress, parseProgressFile, progressToFile } from './merge'
import { PROGRESS_FILE_FORMAT, emptyProgress, type Progress } from './schema'
import { sidebarMarksCss } from '@/components/Progress/sidebarMarks'

/** A localStorage stand-in; `failWith` makes every write throw, as a full or blocked storage does. */
class MemoryStorage {
  data = new Map<string, string>()
  failWith: DOMException | null = null
  get length() {
    return this.data.size
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null
  }
  getItem(key: string) {
    return this.data.get(key) ?? null
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw this.failWith
    this.data.set(key, value)
  }
  removeItem(key: string) {
    this.data.delete(key)
  }
}

const DAY = 86_400_000
const T0 = Date.UTC(2026, 11, 1)

describe('progress store', () => {
  let storage: MemoryStorage
  beforeEach(() => {
    storage = new MemoryStorage()
    vi.stubGlobal('window', { localStorage: storage, addEventListener: () => {} })
    vi.resetModules()
  })
  afterEach(() => vi.unstubAllGlobals())
  const load = () => import('./store')

  it('records opened, read and passed, and keeps them across a reload', async () => {
    const store = await load()
    store.recordOpened('/why-api-routes-work/simplicity', T0)
    store.recordRead('/why-api-routes-work/simplicity', T0 + 1000)
    store.recordExercisePassed('simplicity-crud', '/why-api-routes-work/simplicity', T0 + 2000)
    store.recordExercisePassed('simplicity-crud', '/why-api-routes-work/simplicity', T0 + DAY) // The first pass stays.
    vi.resetModules()
    const again = await load()
    expect(again.getSnapshot()).toEqual({
      saving: { ok: true },
      progress: {
        version: 1,
        lessons: { '/why-api-routes-work/simplicity': { openedAt: T0, lastOpenedAt: T0, readAt: T0 + 1000 } },
        exercises: { 'simplicity-crud': { passedAt: T0 + 2000, route: '/why-api-routes-work/simplicity' } },
      },
    })
  })

  it('never writes a route or id its schema would reject', async () => {
    const store = await load()
    store.recordOpened('/Not A Route', T0)
    store.recordExercisePassed('Bad Id', '/decide', T0)
    store.recordExercisePassed('vendor-lock-in', '/?x', T0)
    expect(store.getSnapshot().progress).toEqual({
      ...emptyProgress(),
      exercises: { 'vendor-lock-in': { passedAt: T0 } },
    })
  })

  it('migrates the passes the lab stored before, with unknown dates, and removes the old keys', async () => {
    storage.data.set('course-lab:done:v1:simplicity-crud', '1')
    const store = await load()
    expect(store.getSnapshot().progress.exercises).toEqual({ 'simplicity-crud': { passedAt: null } })
    store.recordOpened('/', T0)
    expect(storage.getItem('course-lab:done:v1:simplicity-crud')).toBeNull()
    expect(JSON.parse(storage.getItem(store.STORAGE_KEY)!).exercises['simplicity-crud']).toEqual({ passedAt: null })
  })

  it('sets an unreadable record aside instead of losing it', async () => {
    storage.data.set('course-progress:v1', '{"version":1,"lessons":"nope"}')
    const store = await load()
    expect(store.getSnapshot().progress).toEqual(emptyProgress())
    expect(storage.getItem(store.UNREADABLE_KEY)).toBe('{"version":1,"lessons":"nope"}')
  })

  it('says progress is not being saved when storage is full, and keeps it in memory', async () => {
    const store = await load()
    storage.failWith = new DOMException('full', 'QuotaExceededError')
    store.recordOpened('/decide', T0)
    const { saving, progress } = store.getSnapshot()
    expect(saving).toMatchObject({ ok: false, reason: 'full' })
    expect(progress.lessons['/decide']).toEqual({ openedAt: T0, lastOpenedAt: T0 })
  })

  it('says progress is not being saved when storage is blocked', async () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError')
      },
      addEventListener: () => {},
    })
    const store = await load()
    store.recordOpened('/decide', T0)
    expect(store.getSnapshot().saving).toMatchObject({ ok: false, reason: 'blocked' })
    expect(store.getSnapshot().progress.lessons['/decide']).toBeDefined()
  })

  it('imports a file by merging it, and a bad file changes nothing', async () => {
    const store = await load()
    store.recordOpened('/decide', T0 + DAY)
    const before = store.getSnapshot().progress
    for (const text of [
      'not json',
      '{"format":"something-else"}',
      `{"format":"${PROGRESS_FILE_FORMAT}","progress":{}}`,
    ]) {
      const result = store.importProgress(text)
      expect(result.ok).toBe(false)
      expect(result.ok ? '' : result.message).toMatch(/Your progress is unchanged\.$/)
      expect(store.getSnapshot().progress).toBe(before)
    }
    const other: Progress = {
      version: 1,
      lessons: {
        '/decide': { openedAt: T0, lastOpenedAt: T0, readAt: T0 },
        '/wrap-up': { openedAt: T0, lastOpenedAt: T0 },
      },
      exercises: { 'vendor-lock-in': { passedAt: T0 } },
    }
    expect(store.importProgress(progressToFile(other, new Date(T0)))).toEqual({ ok: true, lessons: 2, exercises: 1 })
    expect(store.getSnapshot().progress.lessons['/decide']).toEqual({
      openedAt: T0,
      lastOpenedAt: T0 + DAY,
      readAt: T0,
    })
    store.resetProgress()
    expect(store.getSnapshot().progress).toEqual(emptyProgress())
  })
})

describe('progress files', () => {
  it('round-trips, and names what is wrong in a damaged file', () => {
    const progress: Progress = { ...emptyProgress(), lessons: { '/': { openedAt: 1, lastOpenedAt: 2 } } }
    expect(parseProgressFile(progressToFile(progress, new Date(T0)))).toEqual({ ok: true, progress })
    const damaged = parseProgressFile(
      JSON.stringify({
        format: PROGRESS_FILE_FORMAT,
        exportedAt: 'x',
        progress: { ...progress, lessons: { '/': { openedAt: -1, lastOpenedAt: 2 } } },
      }),
    )
    expect(damaged).toMatchObject({
      ok: false,
      message: expect.stringMatching(/damaged at progress\.lessons\.\/\.openedAt/),
    })
    expect(parseProgressFile(JSON.stringify({ format: PROGRESS_FILE_FORMAT, progress: { version: 2 } }))).toMatchObject(
      {
        ok: false,
        message: expect.stringMatching(/newer version of the course/),
      },
    )
  })

  it('merges without dropping anything: earliest first times, latest visit, known pass dates win', () => {
    const a: Progress = {
      version: 1,
      lessons: { '/x': { openedAt: 5, lastOpenedAt: 9 } },
      exercises: { e: { passedAt: null }, f: { passedAt: 7, route: '/x' } },
    }
    const b: Progress = {
      version: 1,
      lessons: { '/x': { openedAt: 3, lastOpenedAt: 4, readAt: 4 }, '/y': { openedAt: 1, lastOpenedAt: 1 } },
      exercises: { e: { passedAt: 8 }, f: { passedAt: 6 } },
    }
    expect(mergeProgress(a, b)).toEqual({
      version: 1,
      lessons: { '/x': { openedAt: 3, lastOpenedAt: 9, readAt: 4 }, '/y': { openedAt: 1, lastOpenedAt: 1 } },
      exercises: { e: { passedAt: 8 }, f: { passedAt: 6, route: '/x' } },
    })
  })
})

describe('course map', () => {
  const docs: DocsItemLike[] = [
    { route: '/', title: 'Introduction' },
    { route: '/playground', title: 'Playground' },
    {
      route: '/why',
      title: 'Why',
      withIndexPage: true,
      children: [
        { route: '/why/a', title: 'A' },
        { route: '/why/b', title: 'B' },
      ],
    },
    { route: '/contribute', title: 'Contribute' },
    { route: '/404', title: '404', display: 'hidden' },
  ]
  const parts = courseParts(docs)

  it('makes a part of each sidebar entry, with a folder’s overview first, leaving out Contribute', () => {
    expect(parts.map((part) => [part.title, part.pages.map((page) => page.route)])).toEqual([
      ['Introduction', ['/']],
      ['Playground', ['/playground']],
      ['Why', ['/why', '/why/a', '/why/b']],
    ])
  })

  it('continues at the last page opened, or the next unread one after it', () => {
    const progress: Progress = { ...emptyProgress(), lessons: { '/why/a': { openedAt: 1, lastOpenedAt: 5 } } }
    expect(continueAt(parts, progress)?.page.route).toBe('/why/a')
    progress.lessons['/why/a'].readAt = 6
    expect(continueAt(parts, progress)?.page.route).toBe('/why/b')
    expect(continueAt(parts, emptyProgress())).toBeNull()
  })

  it('marks done pages in the sidebar with a text alternative', () => {
    const css = sidebarMarksCss({
      ...emptyProgress(),
      lessons: { '/why/a': { openedAt: 1, lastOpenedAt: 1, readAt: 1 } },
    })
    expect(css).toContain('.nextra-sidebar-container a[href="/why/a/"]::after')
    expect(css).toContain('content: "\\2713" / ", done"')
    expect(sidebarMarksCss(emptyProgress())).toBe('')
  })
})
