/**
 * `export const config = …` read without running the module, as `next build` reads it (Next's
 * `extractExportedConstValue`, build/analysis/extract-const-value.ts): only literals count (strings,
 * template literals without `${}`, numbers, booleans, null, `undefined`, regular expressions, arrays
 * and objects of them, a `satisfies` type check). Anything else (a variable, a call, a spread) is
 * a build error in Next.js, so here it is a `StaticValueError` with the offset of the value.
 */

export class StaticValueError extends Error {
  constructor(
    message: string,
    /** Offset in the source of the value Next.js cannot read. */
    readonly offset: number,
    /** Where in the config, e.g. `config.matcher[1]`. */
    readonly path: string,
  ) {
    super(message)
  }
}

export type ExportedConst = { found: false } | { found: true; value: unknown; offset: number }

/** The value of `export const <name> = <literal>`; throws `StaticValueError` for a value that is not a literal. */
export function readExportedConst(source: string, name: string): ExportedConst {
  const declaration = new RegExp(`(^|[\\n;])\\s*export\\s+const\\s+${name}\\s*(?::[^=]+)?=`, 'g')
  for (let m = declaration.exec(source); m; m = declaration.exec(source)) {
    const parser = new LiteralParser(source, m.index + m[0].length)
    const offset = parser.skipSpace()
    return { found: true, value: parser.value(name), offset }
  }
  return { found: false }
}

/** 1-based line and column of `offset`. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n')
  return { line: before.length, column: before[before.length - 1].length + 1 }
}

const IDENT = /[A-Za-z_$][\w$]*/y
const NUMBER = /-?(?:0[xX][\da-fA-F]+|0[bB][01]+|0[oO][0-7]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][+-]?\d+)?)/y

class LiteralParser {
  constructor(
    private s: string,
    private i: number,
  ) {}

  skipSpace(): number {
    for (;;) {
      while (/\s/.test(this.s[this.i] ?? '')) this.i++
      if (this.s.startsWith('//', this.i))
        this.i = this.s.indexOf('\n', this.i) < 0 ? this.s.length : this.s.indexOf('\n', this.i)
      else if (this.s.startsWith('/*', this.i))
        this.i = this.s.indexOf('*/', this.i) < 0 ? this.s.length : this.s.indexOf('*/', this.i) + 2
      else return this.i
    }
  }

  value(path: string): unknown {
    const start = this.skipSpace()
    const v = this.primary(path)
    const end = this.i
    this.skipSpace()
    for (const keyword of ['satisfies', 'as']) {
      if (this.s.startsWith(keyword, this.i) && !/[\w$]/.test(this.s[this.i + keyword.length] ?? '')) {
        this.i += keyword.length
        this.skipType()
        return v
      }
    }
    const next = this.s[this.i]
    // A value ends at `,` `]` `}` `;`, the end of the file, or (the statement, by ASI) a new line.
    const endsStatement = next === undefined || next === ';' || this.s.slice(end, this.i).includes('\n')
    if (!endsStatement && !(next === ',' || next === ']' || next === '}'))
      throw new StaticValueError('Unsupported expression', start, path)
    return v
  }

  private primary(path: string): unknown {
    const start = this.i
    const c = this.s[this.i]
    if (c === '{') return this.object(path)
    if (c === '[') return this.array(path)
    if (c === "'" || c === '"') return this.string(c)
    if (c === '`') return this.template(path)
    if (c === '/') return this.regExp()
    NUMBER.lastIndex = this.i
    const num = NUMBER.exec(this.s)
    if (num && num[0] !== '-' && num[0] !== '') {
      this.i += num[0].length
      return Number(num[0].replace(/_/g, ''))
    }
    IDENT.lastIndex = this.i
    const id = IDENT.exec(this.s)
    if (id) {
      this.i += id[0].length
      const literal: Record<string, unknown> = { true: true, false: false, null: null, undefined: undefined }
      if (id[0] in literal && !this.followedByCallOrMember()) return literal[id[0]]
      throw new StaticValueError(`Unknown identifier "${id[0]}"`, start, path)
    }
    throw new StaticValueError(`Unsupported value`, start, path)
  }

  private followedByCallOrMember(): boolean {
    const j = this.i
    this.skipSpace()
    const next = this.s[this.i]
    this.i = j
    return next === '(' || next === '.' || next === '['
  }

  private object(path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    this.i++
    for (;;) {
      const at = this.skipSpace()
      if (this.s[this.i] === '}') {
        this.i++
        return out
      }
      if (this.s.startsWith('...', this.i))
        throw new StaticValueError('Unsupported spread operator in the Object Expression', at, path)
      let key: string
      const c = this.s[this.i]
      if (c === "'" || c === '"') key = this.string(c)
      else {
        IDENT.lastIndex = this.i
        const id = IDENT.exec(this.s)
        if (!id) throw new StaticValueError('Unsupported key type in the Object Expression', at, path)
        key = id[0]
        this.i += key.length
      }
      this.skipSpace()
      if (this.s[this.i] !== ':')
        throw new StaticValueError(`Unsupported property "${key}" (write \`${key}: value\`)`, at, path)
      this.i++
      out[key] = this.value(`${path}.${key}`)
      this.skipSpace()
      if (this.s[this.i] === ',') this.i++
    }
  }

  private array(path: string): unknown[] {
    const out: unknown[] = []
    this.i++
    for (;;) {
      const at = this.skipSpace()
      if (this.s[this.i] === ']') {
        this.i++
        return out
      }
      if (this.s[this.i] === ',') {
        this.i++
        out.push(undefined)
        continue
      }
      if (this.s.startsWith('...', this.i))
        throw new StaticValueError('Unsupported spread operator in the Array Expression', at, path)
      out.push(this.value(`${path}[${out.length}]`))
      this.skipSpace()
      if (this.s[this.i] === ',') this.i++
    }
  }

  private string(quote: string): string {
    let j = this.i + 1
    while (j < this.s.length && this.s[j] !== quote) j += this.s[j] === '\\' ? 2 : 1
    const raw = this.s.slice(this.i + 1, j)
    this.i = j + 1
    return unescape(raw)
  }

  private template(path: string): string {
    const start = this.i
    let j = this.i + 1
    while (j < this.s.length && this.s[j] !== '`') {
      if (this.s.startsWith('${', j))
        throw new StaticValueError('Unsupported template literal with expressions', start, path)
      j += this.s[j] === '\\' ? 2 : 1
    }
    const raw = this.s.slice(this.i + 1, j)
    this.i = j + 1
    return unescape(raw)
  }

  private regExp(): RegExp {
    let j = this.i + 1
    let inClass = false
    while (j < this.s.length && (this.s[j] !== '/' || inClass)) {
      if (this.s[j] === '[') inClass = true
      else if (this.s[j] === ']') inClass = false
      j += this.s[j] === '\\' ? 2 : 1
    }
    const pattern = this.s.slice(this.i + 1, j)
    const flags = /^[a-z]*/.exec(this.s.slice(j + 1))![0]
    this.i = j + 1 + flags.length
    return new RegExp(pattern, flags)
  }

  /** A `satisfies` type: skipped up to the end of the value, brackets balanced. */
  private skipType(): void {
    let depth = 0
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i]
      if ('{[(<'.includes(c)) depth++
      else if ('}])>'.includes(c)) {
        if (depth === 0) return
        depth--
      } else if ((c === ',' || c === ';' || c === '\n') && depth === 0) return
    }
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' }

function unescape(raw: string): string {
  return raw.replace(/\\(u\{[\da-fA-F]+\}|u[\da-fA-F]{4}|x[\da-fA-F]{2}|\r?\n|.)/g, (_, e: string) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e[1] === '{' ? e.slice(2, -1) : e.slice(1), 16))
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16))
    if (e[0] === '\n' || e[0] === '\r') return ''
    return ESCAPES[e] ?? e
  })
}
