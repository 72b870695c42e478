/** pg's DatabaseError shape: `err.code` is the SQLSTATE, `err.name` is `'error'` as in pg-protocol. */
export class DatabaseError extends Error {
  code: string
  severity: string
  detail?: string
  hint?: string
  constraint?: string
  table?: string
  column?: string
  schema?: string
  position?: string
  internalPosition?: string
  internalQuery?: string
  where?: string
  dataType?: string
  file?: string
  line?: string
  routine?: string

  constructor(message: string, code: string, severity = 'ERROR', extra: Partial<DatabaseError> = {}) {
    super(message)
    this.name = 'error'
    this.code = code
    this.severity = severity
    for (const [k, v] of Object.entries(extra))
      if (v !== undefined && v !== '') (this as Record<string, unknown>)[k] = v
  }
}

/** Convert PGlite's error (same fields as pg's) into our DatabaseError, which user code can import from 'pg'. */
export function fromPgliteError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error
  const e = error as Partial<DatabaseError> & { message?: string }
  return new DatabaseError(String(e.message ?? error), e.code ?? 'XX000', e.severity ?? 'ERROR', {
    detail: e.detail,
    hint: e.hint,
    constraint: e.constraint,
    table: e.table,
    column: e.column,
    schema: e.schema,
    position: e.position,
    internalPosition: e.internalPosition,
    internalQuery: e.internalQuery,
    where: e.where,
    dataType: e.dataType,
    file: e.file,
    line: e.line,
    routine: e.routine,
  })
}

/** What pg throws when the socket is gone (server closed it, or the client ended). */
export function connectionTerminated(): Error {
  return new Error('Connection terminated unexpectedly')
}
