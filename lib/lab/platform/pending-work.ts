/**
 * The work a run waits for: the plan's requests (counted before they start), crons, after() and
 * waitUntil work, background refreshes and the app's own fetches. The run ends once none is left
 * and `runForMs` has passed. This class is the only owner of that count.
 */
export class PendingWork {
  private count = 0

  /** Count `n` pieces of work that will start later (the plan's requests); each calls `done()`. */
  expect(n: number): void {
    this.count += n
  }

  /** Count one piece of work starting now; it calls `done()` when it ends. */
  start(): void {
    this.count++
  }

  done(): void {
    this.count--
  }

  /** Count `work` from now until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.count++
    const done = () => this.count--
    work.then(done, done)
    return work
  }

  get idle(): boolean {
    return this.count === 0
  }
}
