import type { TableDump, UncommittedRowState } from '@/lib/lab/types'
import labStyles from '../Lab.module.css'
import { countsText, ROW_STATE_LABEL } from './describe'
import styles from './Database.module.css'
import type { DatabaseView } from './OpenTransactionNotice'

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

const STATE_CLASS: Record<UncommittedRowState, string | undefined> = {
  changed: styles.rowChanged,
  inserted: styles.rowChanged,
  deleted: styles.rowDeleted,
  locked: styles.rowLocked,
}

/** One table: committed rows by default; with an open transaction, a column saying what it did to each row. */
export function TableView({ table, view }: { table: TableDump; view: DatabaseView }) {
  const pending = table.uncommitted
  const own = view === 'transaction' && pending
  const rows = own ? pending.rows : table.rows
  const rowCount = own ? pending.rowCount : table.rowCount
  const states = pending ? (own ? pending.ownRowStates : pending.rowStates) : null
  const did = pending ? countsText(pending.counts) : null
  return (
    // Focusable: a wide table scrolls sideways, and the keyboard must be able to scroll it too.
    <table className={labStyles.table} data-table={table.name} tabIndex={0}>
      <caption>
        {table.name} ({rowCount} {rowCount === 1 ? 'row' : 'rows'}
        {rows.length < rowCount ? `, first ${rows.length} shown` : ''}
        {table.primaryKey.length > 0 ? `, by ${table.primaryKey.join(', ')}` : ''})
        {own ? (
          <span className={styles.captionNote}> as the open transaction sees it: not committed</span>
        ) : (
          did && <span className={styles.captionNote}> {did} by the open transaction, not committed</span>
        )}
      </caption>
      <thead>
        <tr>
          {states && (
            <th scope="col" className={styles.stateHeader}>
              Open transaction
            </th>
          )}
          {table.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => {
          const state = states?.[rowIndex] ?? null
          return (
            <tr key={rowIndex} className={state ? STATE_CLASS[state] : undefined} data-row-state={state ?? undefined}>
              {states && <td className={styles.state}>{state ? ROW_STATE_LABEL[state] : ''}</td>}
              {row.map((value, columnIndex) => (
                <td key={columnIndex}>{cell(value)}</td>
              ))}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
