import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** A window with just what readerArrival.ts reads: the URL's fragment, the scroll position, listeners. */
function fakeWindow({ hash = '', scrollY = 0 }: { hash?: string; scrollY?: number }) {
  const listeners = new Map<string, () => void>()
  vi.stubGlobal('location', { hash })
  vi.stubGlobal('scrollY', scrollY)
  vi.stubGlobal('document', { readyState: 'complete' })
  vi.stubGlobal('addEventListener', (type: string, listener: () => void) => listeners.set(type, listener))
  vi.stubGlobal('removeEventListener', (type: string) => listeners.delete(type))
  return listeners
}

/** The module keeps whether the reader has arrived, so each test gets a fresh copy. */
async function freshModule() {
  vi.resetModules()
  return import('./readerArrival')
}

describe('whenReaderArrives', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('waits on a page opened at the top for the first scroll', async () => {
    const listeners = fakeWindow({})
    const { whenReaderArrives } = await freshModule()
    const started = vi.fn()
    whenReaderArrives(started)
    expect(started).not.toHaveBeenCalled()
    listeners.get('scroll')!()
    expect(started).toHaveBeenCalledOnce()
    expect(listeners.size).toBe(0)
  })

  it('gives up waiting 5 s after the page has loaded', async () => {
    fakeWindow({})
    const { whenReaderArrives, ARRIVAL_FALLBACK_MS } = await freshModule()
    const started = vi.fn()
    whenReaderArrives(started)
    vi.advanceTimersByTime(ARRIVAL_FALLBACK_MS - 1)
    expect(started).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(started).toHaveBeenCalledOnce()
  })

  it('starts at once on a page opened at a section (#anchor): the browser jumped there before anyone listened', async () => {
    const listeners = fakeWindow({ hash: '#one-small-pool-per-instance' })
    const { whenReaderArrives } = await freshModule()
    const started = vi.fn()
    whenReaderArrives(started)
    expect(started).toHaveBeenCalledOnce()
    expect(listeners.size).toBe(0)
  })

  it('still waits on a page whose scroll position a reload restored', async () => {
    fakeWindow({ scrollY: 1200 })
    const { whenReaderArrives } = await freshModule()
    const started = vi.fn()
    whenReaderArrives(started)
    expect(started).not.toHaveBeenCalled()
  })

  it('calls every lab that waited, once, and later labs at once', async () => {
    const listeners = fakeWindow({})
    const { whenReaderArrives } = await freshModule()
    const first = vi.fn()
    const cancelled = vi.fn()
    whenReaderArrives(first)
    whenReaderArrives(cancelled)()
    listeners.get('pointerdown')!()
    const later = vi.fn()
    whenReaderArrives(later)
    expect([first.mock.calls.length, cancelled.mock.calls.length, later.mock.calls.length]).toEqual([1, 0, 1])
  })
})
