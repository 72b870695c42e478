/** `config.matcher` for middleware/proxy: path-to-regexp style strings (`/api/:path*`) or regex groups. */

/** `sources` as `routing/proxy-config.ts` reads them; undefined (no matcher) matches every path. */
export function compileMatcher(sources: string[] | undefined): (pathname: string) => boolean {
  if (sources === undefined) return () => true
  const regexes = sources.map(toRegExp)
  return (pathname) => regexes.some((re) => re.test(pathname))
}

export function toRegExp(source: string): RegExp {
  let out = ''
  let i = 0
  while (i < source.length) {
    const c = source[i]
    if (c === '(') {
      // A raw regex group, copied as written (e.g. `/((?!_next/static).*)`).
      let depth = 0
      let j = i
      for (; j < source.length; j++) {
        if (source[j] === '(') depth++
        else if (source[j] === ')' && --depth === 0) break
      }
      out += source.slice(i, j + 1)
      i = j + 1
      continue
    }
    if (c === '/' && source[i + 1] === ':') {
      const m = /^:([A-Za-z0-9_]+)([*+?])?/.exec(source.slice(i + 1))!
      const mod = m[2]
      out += mod === '*' ? '(?:/.*)?' : mod === '+' ? '/.+' : mod === '?' ? '(?:/[^/]+)?' : '/[^/]+'
      i += 1 + m[0].length
      continue
    }
    out += /[.+?^${}|[\]\\*]/.test(c) ? '\\' + c : c
    i++
  }
  return new RegExp(`^${out}/?$`)
}
