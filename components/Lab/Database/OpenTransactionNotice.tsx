import type { OpenTransaction } from '@/lib/lab/types'
import { countsText, holderText } from './describe'
import styles from './Database.module.css'

export type DatabaseView = 'committed' | 'transaction'

/**
 * Says that a transaction is still open, who holds it, what it changed and locked, and that the
 * tables show committed data; offers the transaction's own view (a toggle button whose name stays the
 * same and whose `aria-pressed` says which view is shown).
 */
export function OpenTransactionNotice({
  transaction,
  view,
  onViewChange,
}: {
  transaction: OpenTransaction
  view: DatabaseView
  onViewChange: (view: DatabaseView) => void
}) {
  const did = transaction.counts ? countsText(transaction.counts) : null
  return (
    <div className={styles.notice} data-testid="open-transaction">
      <p className={styles.noticeTitle}>
        {transaction.failed
          ? 'A failed transaction is still open (not committed)'
          : did
            ? `${did} by an open transaction (not committed)`
            : 'A transaction is still open (it changed no rows)'}
        : {holderText(transaction)}.
      </p>
      <p className={styles.noticeText}>
        {transaction.failed
          ? 'It hit an error and refuses everything but ROLLBACK, so none of its writes can be committed; it keeps its row locks until its connection closes. '
          : 'Nothing it wrote is saved until it commits, and the rows it touched stay locked: other writers to them wait. '}
        {view === 'committed'
          ? 'The tables show committed data, what every other connection reads.'
          : 'The tables show what the open transaction itself sees, its own uncommitted writes included.'}
      </p>
      {!transaction.failed && did && (
        <button
          type="button"
          className={styles.toggle}
          aria-pressed={view === 'transaction'}
          onClick={() => onViewChange(view === 'transaction' ? 'committed' : 'transaction')}
        >
          Show the open transaction&apos;s view
        </button>
      )}
    </div>
  )
}
