import { memo } from 'react'
import { BUDGETS } from '@/lib/lab/settings'
import type { RequestResult } from '@/lib/lab/types'
import { formatMs, prettyBody } from './format'
import styles from './Lab.module.css'
import { RunErrorDetails } from './RunError'

/** Headers, pretty body, streamed chunks and any error of the selected request. */
export const ResponseTab = memo(function ResponseTab({ request }: { request: RequestResult }) {
  const contentType = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1]
  const body = prettyBody(request.body, contentType)
  return (
    <div>
      {request.platformError && (
        <p className={styles.fieldError}>
          The platform answered for your code: <code>{request.platformError}</code>
        </p>
      )}
      {request.error && <RunErrorDetails error={request.error} />}
      <h4 className={styles.srOnly}>Headers</h4>
      <dl className={styles.kv} aria-label="Response headers">
        {Object.entries(request.headers).map(([name, value]) => (
          <div key={name} style={{ display: 'contents' }}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {request.chunks && request.chunks.length > 0 ? (
        <>
          <p className={styles.hint}>Streamed in {request.chunks.length} chunks:</p>
          <ol className={styles.pre} aria-label="Stream chunks" style={{ listStyle: 'none' }}>
            {request.chunks.map((chunk, index) => (
              <li key={index}>
                <span className={styles.kbd}>+{formatMs(chunk.t - request.timing.start)} </span>
                {chunk.text}
              </li>
            ))}
          </ol>
        </>
      ) : body ? (
        <pre className={styles.pre} aria-label="Response body" tabIndex={0}>
          {body}
        </pre>
      ) : (
        <p className={styles.hint}>No body.</p>
      )}
      {request.truncated && (
        <p className={styles.hint}>
          The body was cut at {BUDGETS.maxResponseBytes / (1024 * 1024)} MB, the lab&apos;s own limit. Next.js sends the
          whole body.
        </p>
      )}
    </div>
  )
})
