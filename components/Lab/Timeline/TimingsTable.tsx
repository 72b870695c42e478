import type { RequestResult } from '@/lib/lab/types'
import { formatMs } from '../format'
import labStyles from '../Lab.module.css'

const HEADINGS = ['#', 'Request', 'Status', 'Start', 'Queued', 'Cold start', 'Handler', 'Database', 'Instance']

/** Every request's timings (all of them: the drawing may summarise, the table never does). */
export function TimingsTable({ requests }: { requests: RequestResult[] }) {
  return (
    <details className={labStyles.details}>
      <summary>Timings as a table ({requests.length} requests)</summary>
      <table className={labStyles.table}>
        <thead>
          <tr>
            {HEADINGS.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.index}>
              <td>{request.index + 1}</td>
              <td>{`${request.method} ${request.path}`}</td>
              <td>{`${request.status}${request.platformError ? ` ${request.platformError}` : ''}`}</td>
              <td>{formatMs(request.timing.start)}</td>
              <td>{formatMs(request.timing.queuedMs)}</td>
              <td>{formatMs(request.timing.coldStartMs)}</td>
              <td>{formatMs(request.timing.handlerMs)}</td>
              <td>{formatMs(request.timing.databaseMs)}</td>
              <td>{request.instance ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
