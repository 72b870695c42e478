import { memo } from 'react'
import type { RunResult } from '@/lib/lab/types'
import styles from './Lab.module.css'

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Tables as the run left them, and what the database saw. */
export const DatabaseTab = memo(function DatabaseTab({ database }: { database: RunResult['database'] }) {
  const { stats, tables } = database
  return (
    <div>
      <dl className={styles.kv} aria-label="Database statistics">
        <dt>Queries</dt>
        <dd>{stats.queries}</dd>
        <dt>Errors</dt>
        <dd>
          {stats.errors}
          {Object.keys(stats.errorsByCode).length > 0 &&
            ` (${Object.entries(stats.errorsByCode)
              .map(([code, count]) => `${code} ×${count}`)
              .join(', ')})`}
        </dd>
        <dt>Connections opened</dt>
        <dd>{stats.connectionsOpened}</dd>
        <dt>Peak connections</dt>
        <dd>
          {stats.peakConnections} of max_connections {stats.maxConnections}
        </dd>
        <dt>Still open at the end</dt>
        <dd>{stats.openAtEnd}</dd>
      </dl>
      {tables.map((table) => (
        <table key={table.name} className={styles.table}>
          <caption>
            {table.name} ({table.rowCount} {table.rowCount === 1 ? 'row' : 'rows'}
            {table.rows.length < table.rowCount ? `, first ${table.rows.length} shown` : ''})
          </caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((value, columnIndex) => (
                  <td key={columnIndex}>{cell(value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  )
})
