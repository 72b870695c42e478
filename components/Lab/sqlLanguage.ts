/**
 * SQL highlighting for the editor, so db/schema.sql looks the same in the editor as in the static
 * shiki HTML. Sandpack ships no SQL mode; a small stream parser is enough for schema and seed files.
 * (`@codemirror/language` is the copy Sandpack itself depends on, so the LanguageSupport matches.)
 */
import { LanguageSupport, StreamLanguage } from '@codemirror/language'

const KEYWORDS = new Set(
  `select from where insert into values update set delete create table primary key references foreign unique not null
  default check constraint index on and or in is as order by group having limit offset returning join left right inner outer
  begin commit rollback transaction alter add drop column if exists cascade distinct case when then else end between like
  serial bigserial integer int bigint smallint text varchar char boolean bool timestamptz timestamp date numeric real
  double precision jsonb json uuid now true false with recursive union all`
    .split(/\s+/)
    .filter(Boolean),
)

const sql = StreamLanguage.define<null>({
  name: 'sql',
  token(stream) {
    if (stream.eatSpace()) return null
    if (stream.match('--')) {
      stream.skipToEnd()
      return 'comment'
    }
    if (stream.match(/^'(?:[^']|'')*'?/)) return 'string'
    if (stream.match(/^\$\d+/)) return 'variableName'
    if (stream.match(/^\d+(\.\d+)?/)) return 'number'
    if (stream.match(/^[A-Za-z_][\w]*/)) {
      return KEYWORDS.has(stream.current().toLowerCase()) ? 'keyword' : 'variableName'
    }
    if (stream.match(/^[(),;.]/)) return 'punctuation'
    stream.next()
    return null
  },
  languageData: { commentTokens: { line: '--' } },
})

export const sqlLanguage = { name: 'sql', extensions: ['sql'], language: new LanguageSupport(sql) }
