import { describe, expect, it } from 'vitest'
import { PendingWork } from './pending-work'

describe('PendingWork', () => {
  it('is idle only once expected, started and tracked work are all done', async () => {
    const work = new PendingWork()
    expect(work.idle).toBe(true)
    work.expect(2)
    work.start()
    let finish!: () => void
    const tracked = work.track(new Promise<void>((resolve) => (finish = resolve)))
    work.done()
    work.done()
    expect(work.idle).toBe(false)
    work.done()
    expect(work.idle).toBe(false)
    finish()
    await tracked
    expect(work.idle).toBe(true)
  })

  it('counts a tracked promise that rejects as done, and returns the promise itself', async () => {
    const work = new PendingWork()
    const failing = Promise.reject(new Error('x'))
    expect(work.track(failing)).toBe(failing)
    await expect(failing).rejects.toThrow('x')
    expect(work.idle).toBe(true)
  })
})
