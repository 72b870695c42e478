import { memo, useState } from 'react'
import type { RunResult } from '@/lib/lab/types'
import { OpenTransactionNotice, type DatabaseView } from './Database/OpenTransactionNotice'
import { TableView } from './Database/TableView'
import styles from './Lab.module.css'

/**
 * Tables as the run left them, committed data first (what every other connection reads), and what
 * the database saw. A transaction still open at the end is named, with what it did to which rows.
 */
export const DatabaseTab = memo(function DatabaseTab({ database }: { database: RunResult['database'] }) {
  const { stats, tables, openTransaction } = database
  const [view, setView] = useState<DatabaseView>('committed')
  // Each run opens on committed data again.
  const [shown, setShown] = useState(database)
  if (shown !== database) {
    setShown(database)
    setView('committed')
  }
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
      {openTransaction && <OpenTransactionNotice transaction={openTransaction} view={view} onViewChange={setView} />}
      {tables.map((table) => (
        <TableView key={table.name} table={table} view={view} />
      ))}
    </div>
  )
})
