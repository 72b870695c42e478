/**
 * The platform's instances: which one takes a request (a warm one, a new one, or a wait in line),
 * starting them (cold start and module evaluation), and what idle does to them (freeze, recycle).
 */
import type { Scheduler } from '../clock/scheduler'
import type { DatabaseServer } from '../database/server'
import type { ModuleRegistry } from '../modules/registry'
import type { PlatformSettings, TimelineEvent } from '../types'
import type { Instance } from './instance'

export interface InstancePoolOptions {
  scheduler: Scheduler
  settings: PlatformSettings
  server: DatabaseServer
  emit: (e: TimelineEvent) => void
  /** The module registry (and with it the globals) of a new instance. */
  createRegistry: (inst: Instance) => ModuleRegistry
}

export class InstancePool {
  readonly instances: Instance[] = []
  private waiting: Array<(inst: Instance) => void> = []
  private s: Scheduler

  constructor(private o: InstancePoolOptions) {
    this.s = o.scheduler
  }

  /** An instance for a request needing `files`: a free one, a new one (cold), or the next one freed. */
  async acquire(files: string[]): Promise<{ inst: Instance; queuedMs: number; cold: boolean }> {
    const arrive = this.s.now
    let inst = this.instances.find((i) => this.available(i))
    if (inst) this.take(inst)
    else if (this.instances.filter((i) => !i.recycled).length < this.o.settings.maxInstances) {
      inst = this.createInstance()
      this.take(inst)
      void this.startInstance(inst, files)
    } else {
      inst = await new Promise<Instance>((resolve) => this.waiting.push(resolve))
    }
    return { inst, queuedMs: this.s.now - arrive, cold: inst.state === 'starting' }
  }

  /** The instance finished a request or background work: hand it to a waiting request, or let it idle. */
  release(inst: Instance): void {
    while (this.waiting.length && this.available(inst)) {
      this.take(inst)
      this.waiting.shift()!(inst)
    }
    this.checkIdle(inst)
  }

  /** Idle (no request, no background work, no idle attached pool client): start the freeze and recycle timers. */
  checkIdle(inst: Instance): void {
    if (inst.recycled || inst.active > 0 || inst.background > 0 || inst.state !== 'ready') return
    if (inst.attachedPools.some((p) => p.idleCount > 0)) return
    const token = ++inst.idleToken
    const { freezeAfterIdleMs, recycleAfterIdleMs } = this.o.settings
    if (Number.isFinite(freezeAfterIdleMs) && !inst.frozen) {
      this.s.after(freezeAfterIdleMs, () => token === inst.idleToken && this.freeze(inst), null)
    }
    if (Number.isFinite(recycleAfterIdleMs)) {
      this.s.after(recycleAfterIdleMs, () => token === inst.idleToken && this.recycle(inst), null)
    }
  }

  /**
   * After a timeout, AWS Lambda resets the execution environment: the runtime is shut down and its
   * sockets close, so Postgres rolls back what the handler left open.
   */
  resetAfterTimeout(inst: Instance): void {
    this.o.server.closeSessionsOf(inst.id)
    this.recycle(inst)
  }

  private available(i: Instance): boolean {
    if (i.recycled || i.active >= this.o.settings.maxConcurrencyPerInstance) return false
    if (this.o.settings.profile === 'lambda') return i.state === 'ready' && i.background === 0
    return true
  }

  private take(inst: Instance): void {
    inst.active++
    inst.idleToken++
    if (inst.frozen) {
      inst.frozen = false
      this.s.thaw(inst)
    }
  }

  private createInstance(): Instance {
    const number = this.instances.length + 1
    const id = this.o.settings.profile === 'server' ? `node${number}` : `λ${number}`
    let markReady!: () => void
    const ready = new Promise<void>((resolve) => (markReady = resolve))
    const inst = {
      id,
      number,
      frozen: false,
      recycled: false,
      deferred: [],
      state: 'starting',
      active: 0,
      background: 0,
      ready,
      markReady,
      idleToken: 0,
      attachedPools: [],
    } as unknown as Instance
    inst.registry = this.o.createRegistry(inst)
    this.instances.push(inst)
    return inst
  }

  private async startInstance(inst: Instance, files: string[]): Promise<void> {
    const s = this.s
    this.o.emit({ t: s.now, type: 'instance-start', instance: inst.id })
    const evalMs = inst.registry.pendingCount(files) * (this.o.settings.moduleEvalMs ?? 5)
    const coldStart = this.o.settings.profile === 'server' && inst.number > 1 ? 0 : this.o.settings.coldStartMs
    await s.sleep(coldStart + evalMs, { instance: inst, kind: 'internal' })
    for (const f of files) {
      try {
        inst.registry.load(f)
      } catch {
        // The request that needs this module reports the error.
      }
    }
    inst.state = 'ready'
    this.o.emit({ t: s.now, type: 'instance-ready', instance: inst.id })
    inst.markReady()
  }

  private freeze(inst: Instance): void {
    if (inst.frozen || inst.recycled) return
    const seen = new Set<string>()
    for (const ev of this.s.pendingFor(inst)) {
      if (ev.ctx?.kind === 'internal') continue
      const what = ev.what ?? 'pending work'
      const req = ev.ctx?.request && ev.ctx.request.index >= 0 ? ev.ctx.request.index : undefined
      const key = `${req}:${what}`
      if (seen.has(key)) continue
      seen.add(key)
      const lost: TimelineEvent = { t: this.s.now, type: 'background-lost', instance: inst.id, what }
      if (req !== undefined) lost.request = req
      this.o.emit(lost)
    }
    inst.frozen = true
    this.o.emit({ t: this.s.now, type: 'instance-freeze', instance: inst.id })
  }

  private recycle(inst: Instance): void {
    if (inst.recycled) return
    inst.recycled = true
    inst.deferred = []
    this.o.emit({
      t: this.s.now,
      type: 'instance-recycle',
      instance: inst.id,
      leakedConnections: this.o.server.openSessionsOf(inst.id),
    })
  }
}
