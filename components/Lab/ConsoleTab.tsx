import { memo } from 'react'
import { QUEUE_CONSOLE_SOURCES } from '@/lib/lab/queue/console-sources'
import type { ConsoleLine } from '@/lib/lab/types'
import { formatMs } from './format'
import styles from './Lab.module.css'

/** Console output grouped by the instance that printed it: module state lives per instance. */
export const ConsoleTab = memo(function ConsoleTab({ lines, truncated }: { lines: ConsoleLine[]; truncated: boolean }) {
  if (lines.length === 0)
    return <p className={styles.hint}>Nothing was printed. Add a console.log() to a route and run again.</p>
  const byInstance = new Map<string, ConsoleLine[]>()
  for (const line of lines) {
    const instanceLines = byInstance.get(line.instance)
    if (instanceLines) instanceLines.push(line)
    else byInstance.set(line.instance, [line])
  }
  return (
    <div>
      {[...byInstance].map(([instance, instanceLines]) => (
        <section key={instance} aria-label={QUEUE_CONSOLE_SOURCES[instance] ?? `Instance ${instance}`}>
          <h4 style={{ margin: '0.4rem 0 0.2rem', fontSize: 13 }}>
            {QUEUE_CONSOLE_SOURCES[instance] ?? `Instance ${instance}`}
          </h4>
          <pre className={styles.pre} tabIndex={0}>
            {instanceLines.map((line, index) => (
              <span
                key={index}
                className={`${styles.consoleLine} ${line.level === 'error' ? styles.levelError : line.level === 'warn' ? styles.levelWarn : ''}`}
              >
                <span className={styles.kbd}>{formatMs(line.t).padStart(7)} </span>
                {line.level !== 'log' && line.level !== 'info' ? `[${line.level}] ` : ''}
                {line.request !== undefined ? `#${line.request + 1} ` : ''}
                {line.text}
              </span>
            ))}
          </pre>
        </section>
      ))}
      {truncated && <p className={styles.hint}>The console hit its limit; later lines were dropped.</p>}
    </div>
  )
})
