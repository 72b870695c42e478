/** Reader-facing words for what a transaction still open at the end of a run did (see lib/lab/database/table-dump.ts). */
import type { OpenTransaction, UncommittedRowState } from '@/lib/lab/types'
import { formatMs } from '../format'

const STATE_WORDS: Record<UncommittedRowState, [one: string, many: string]> = {
  changed: ['row changed', 'rows changed'],
  inserted: ['row inserted', 'rows inserted'],
  deleted: ['row deleted', 'rows deleted'],
  locked: ['row locked', 'rows locked'],
}

/** "199 rows changed and 41 rows locked", or null when it did nothing to any row. */
export function countsText(counts: Record<UncommittedRowState, number>): string | null {
  const parts = (Object.keys(STATE_WORDS) as UncommittedRowState[])
    .filter((state) => counts[state] > 0)
    .map((state) => `${counts[state]} ${STATE_WORDS[state][counts[state] === 1 ? 0 : 1]}`)
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

/** "held by instance λ1 (connection #1), open since 291 ms" */
export function holderText(tx: OpenTransaction): string {
  const who =
    tx.instance !== undefined
      ? `instance ${tx.instance}${tx.connection !== undefined ? ` (connection #${tx.connection})` : ''}`
      : tx.connection !== undefined
        ? `connection #${tx.connection}`
        : 'a connection the lab cannot name'
  return `held by ${who}${tx.since !== undefined ? `, open since ${formatMs(tx.since)}` : ''}`
}

/** One row's state in a table cell: what it means for the reader, not the engine's word. */
export const ROW_STATE_LABEL: Record<UncommittedRowState, string> = {
  changed: 'changed, not committed',
  inserted: 'inserted, not committed',
  deleted: 'deleted, not committed',
  locked: 'locked',
}
