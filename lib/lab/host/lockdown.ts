/**
 * Locks the lab worker's global scope down before any reader code runs in it.
 *
 * The engine hands the reader's modules their own `window`, `self`, `fetch`… (platform.ts), but
 * those are only the names in the module's scope: `globalThis`, `(0, eval)('this')`,
 * `Function('return this')()` or `({}).constructor.constructor('return this')()` reach the worker's
 * real global object, and a share link can put anyone's code in a reader's lab. So once the
 * worker has what it needs from the outside (PGlite and its files are loaded, its private channel
 * to the page is held in a closure), this removes from the global object and every object on its
 * prototype chain each capability that could reach the network, storage or another context, and
 * checks that none is left. What stays is computation: the language, `crypto`, `TextEncoder`,
 * streams, `Request`/`Response` as plain objects (the engine's simulated `fetch` builds them).
 *
 * Syntax cannot be deleted: `import('https://…')` loads a script from anywhere. Sucrase turns every
 * `import()` in the reader's files into `require` (lib/lab/modules/transpile.ts), so the only way
 * left is code compiled at run time, through `eval`, the `Function` constructors or a string passed
 * to `setTimeout`. Those are replaced by versions that refuse code containing `import(` (and
 * `setTimeout` refuses strings); the engine compiles the reader's modules with the real `Function`,
 * captured before this runs (lib/lab/modules/registry.ts).
 *
 * Everything here takes the global object as a parameter, so the unit tests lock down a fresh
 * `node:vm` context instead of their own.
 */

/** Capabilities that reach the network, storage, another context, or that load code. */
export const REMOVED_CAPABILITIES = [
  // The network, and everything that fetches a URL (fonts and nested workers do too).
  'fetch',
  'fetchLater',
  'XMLHttpRequest',
  'XMLHttpRequestEventTarget',
  'XMLHttpRequestUpload',
  'WebSocket',
  'WebSocketStream',
  'WebSocketError',
  'EventSource',
  'WebTransport',
  'WebTransportBidirectionalStream',
  'WebTransportDatagramDuplexStream',
  'WebTransportError',
  'RTCPeerConnection',
  'RTCDataChannel',
  'RTCRtpScriptTransformer',
  'FontFace',
  'FontFaceSet',
  'fonts',
  'importScripts',
  'Worker',
  'SharedWorker',
  'ServiceWorker',
  'ServiceWorkerContainer',
  'ServiceWorkerRegistration',
  'BackgroundFetchManager',
  'PushManager',
  'Notification',
  // Storage: the reader's saved edits live in the page's localStorage, out of a worker's reach, but
  // IndexedDB, the Cache API (the offline copy of the site), OPFS and cookies are shared with it.
  'indexedDB',
  'IDBFactory',
  'caches',
  'CacheStorage',
  'Cache',
  'cookieStore',
  'CookieStore',
  'StorageManager',
  'StorageBucketManager',
  'StorageBucket',
  'FileSystemHandle',
  'FileSystemDirectoryHandle',
  'FileSystemFileHandle',
  'FileSystemSyncAccessHandle',
  'FileSystemWritableFileStream',
  'FileSystemObserver',
  'webkitRequestFileSystem',
  'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL',
  'LockManager',
  // Messaging: the page, other tabs, the service worker.
  'postMessage',
  'onmessage',
  'onmessageerror',
  'BroadcastChannel',
  'MessageChannel',
  'MessagePort',
  'close',
] as const

/** What `navigator` keeps: facts about the browser, none of its managers (storage, locks, service workers, USB…). */
const NAVIGATOR_FACTS = ['userAgent', 'language', 'languages', 'hardwareConcurrency', 'platform'] as const

/** Own properties that webpack's runtime leaves on the global (its chunk-loading array reaches every module). */
const BUNDLER_GLOBAL = /^(webpackChunk|webpackHotUpdate|__webpack|__next|_N_E)/

/**
 * `import` used as a call, however it is spelled: `import(`, `import (`, `import\n(`, or with a
 * comment in between (`import/*…*\/(`, `import<!--…`, `import-->…`), so a `/`, `<` or `-` after it
 * is refused too. `import` as a property name or inside a string that is not followed by these
 * passes (zod, for one, compiles object keys into code). Escapes cannot spell a keyword.
 */
const DYNAMIC_IMPORT = /(?<![\w$\\])import\s*[(/<-]/u

export class LockdownError extends Error {
  constructor(readonly leftovers: string[]) {
    super(
      `The lab could not switch off ${leftovers.join(', ')} in this browser, so it does not run code here (the code could reach them).`,
    )
    this.name = 'LockdownError'
  }
}

export function refusesDynamicImport(code: string): boolean {
  return DYNAMIC_IMPORT.test(code)
}

const REFUSED_IMPORT =
  'import() is not available in the lab: a lab has no network. Import modules with a static import at the top of the file.'

type Global = Record<string, unknown> & typeof globalThis

/**
 * Removes every capability in REMOVED_CAPABILITIES from `global` and its prototype chain, replaces
 * `navigator` by a plain object with NAVIGATOR_FACTS, guards `eval`, the `Function` constructors and
 * string timers against `import()`, stops the worker's own errors from reaching the page, and throws
 * a LockdownError naming anything it could not remove. Run it once; a second call does nothing.
 */
export function lockDownGlobal(global: Global = globalThis as Global): void {
  if (lockedDown.has(global)) return
  removeCapabilities(global)
  replaceNavigator(global)
  guardCodeCompilation(global)
  // Errors thrown by the reader's code outside a run would fire the Worker's `error` event on the
  // page, a message of the code's choosing; they stay in the worker.
  global.addEventListener?.('error', (event: Event) => event.preventDefault())
  lockedDown.add(global)
  const leftovers = [...REMOVED_CAPABILITIES, 'navigator.storage', 'navigator.serviceWorker'].filter((name) =>
    reachable(global, name),
  )
  if (leftovers.length) throw new LockdownError(leftovers)
}

const lockedDown = new WeakSet<object>()

function prototypeChain(global: object): object[] {
  const chain: object[] = []
  for (let o: object | null = global; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) chain.push(o)
  return chain
}

function removeCapabilities(global: Global): void {
  for (const target of prototypeChain(global)) {
    const names = [...REMOVED_CAPABILITIES, ...(target === global ? Object.keys(global) : [])]
    for (const name of names) {
      if (!REMOVED_CAPABILITIES.includes(name as never) && !BUNDLER_GLOBAL.test(name)) continue
      if (!Object.prototype.hasOwnProperty.call(target, name)) continue
      if (Reflect.deleteProperty(target, name)) continue
      // Not configurable: make it undefined if it is writable; `reachable` reports it otherwise.
      try {
        ;(target as Record<string, unknown>)[name] = undefined
      } catch {
        // Reported below.
      }
    }
  }
}

function reachable(global: Global, path: string): boolean {
  try {
    const [head, tail] = path.split('.')
    const value = global[head] as Record<string, unknown> | undefined
    return tail ? value?.[tail] !== undefined : value !== undefined
  } catch {
    return false
  }
}

function replaceNavigator(global: Global): void {
  const real = global.navigator as unknown as Record<string, unknown> | undefined
  const facts: Record<string, unknown> = { onLine: false }
  for (const name of NAVIGATOR_FACTS) {
    try {
      if (real && real[name] !== undefined) facts[name] = real[name]
    } catch {
      // A fact the browser does not give is left out.
    }
  }
  for (const target of prototypeChain(global)) Reflect.deleteProperty(target, 'navigator')
  Object.defineProperty(global, 'navigator', {
    value: Object.freeze(facts),
    enumerable: true,
    configurable: false,
    writable: false,
  })
}

function guardCodeCompilation(global: Global): void {
  const RealFunction = global.Function
  const refuse = (sources: unknown[]) => {
    if (sources.some((source) => refusesDynamicImport(String(source)))) throw new global.EvalError(REFUSED_IMPORT)
  }
  // Each constructor is reachable as `global.Function` (Function only) and as `prototype.constructor`
  // of its prototype, which is where `fn.constructor` finds it for every function of that kind.
  const kinds: Array<{ Real: FunctionConstructor; global?: true }> = [
    { Real: RealFunction, global: true },
    { Real: RealFunction('return (async function () {}).constructor')() },
    { Real: RealFunction('return (function* () {}).constructor')() },
    { Real: RealFunction('return (async function* () {}).constructor')() },
  ]
  for (const { Real, global: onGlobal } of kinds) {
    const Guarded = function (...args: unknown[]) {
      refuse(args)
      return Reflect.apply(Real, undefined, args)
    } as unknown as FunctionConstructor
    Object.defineProperty(Guarded, 'name', { value: Real.name })
    Object.defineProperty(Guarded, 'prototype', { value: Real.prototype })
    Object.defineProperty(Real.prototype, 'constructor', { value: Guarded, writable: false, configurable: false })
    if (onGlobal) Object.defineProperty(global, 'Function', { value: Guarded, writable: false, configurable: false })
  }

  const realEval = global.eval
  const guardedEval = {
    eval(code: unknown) {
      if (typeof code === 'string') refuse([code])
      return realEval(code as string)
    },
  }.eval
  Object.defineProperty(global, 'eval', { value: guardedEval, writable: false, configurable: false })

  for (const name of ['setTimeout', 'setInterval'] as const) {
    const real = global[name] as (handler: unknown, ...rest: unknown[]) => unknown
    if (typeof real !== 'function') continue
    const guarded = {
      [name](handler: unknown, ...rest: unknown[]) {
        if (typeof handler !== 'function')
          throw new global.TypeError(`${name} takes a function in the lab, not code in a string.`)
        return Reflect.apply(real, global, [handler, ...rest])
      },
    }[name]
    Object.defineProperty(global, name, { value: guarded, writable: false, configurable: false })
  }
}
