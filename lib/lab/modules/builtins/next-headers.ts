/** `next/headers`: async `cookies()` and `headers()` (Next 15+), bound to the request being handled. */
import type { Scheduler } from '../../clock/scheduler'
import { parseCookieHeader, RequestCookies, serializeCookie, type CookieOptions } from './next-server'

export function createNextHeaders(scheduler: Scheduler): Record<string, unknown> {
  const currentRequest = (api: string) => {
    const req = scheduler.current?.request
    if (!req?.request) {
      throw new Error(
        `\`${api}\` was called outside a request scope. Call it inside a route handler, not at module scope.`,
      )
    }
    return req
  }
  return {
    __esModule: true,
    headers: () => {
      const req = currentRequest('headers')
      return Promise.resolve(new Headers(req.request!.headers))
    },
    cookies: () => {
      const req = currentRequest('cookies')
      const jar = new RequestCookies(parseCookieHeader(req.request!.headers.get('cookie')))
      const store = Object.assign(jar, {
        set(nameOrObj: string | { name: string; value: string }, value?: string, options?: CookieOptions) {
          const name = typeof nameOrObj === 'string' ? nameOrObj : nameOrObj.name
          const v = typeof nameOrObj === 'string' ? (value ?? '') : nameOrObj.value
          RequestCookies.prototype.set.call(jar, name, v)
          req.setCookies.push(
            serializeCookie(name, v, typeof nameOrObj === 'string' ? options : (nameOrObj as CookieOptions)),
          )
          return store
        },
        delete(name: string) {
          RequestCookies.prototype.delete.call(jar, name)
          req.setCookies.push(serializeCookie(name, '', { maxAge: 0 }))
          return true
        },
      })
      return Promise.resolve(store)
    },
    draftMode: () => Promise.resolve({ isEnabled: false, enable() {}, disable() {} }),
  }
}
