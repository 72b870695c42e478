import { memo, useDeferredValue, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { RunResult } from '@/lib/lab/types'
import { ConsoleTab } from './ConsoleTab'
import { DatabaseTab } from './DatabaseTab'
import { formatMs, statusText } from './format'
import styles from './Lab.module.css'
import { tabIndexForKey } from './tablistKeys'
import { ResponseTab } from './ResponseTab'
import tabStyles from './ResultTabs.module.css'
import { TimelineTab } from './Timeline'
import { WebSocketsTab } from './WebSocketsTab'

const ALL_TABS = ['Response', 'Console', 'Timeline', 'Database', 'WebSockets'] as const
type Tab = (typeof ALL_TABS)[number]

/**
 * The selected request's status line, then tabs (ARIA tabs pattern: arrow keys move between them).
 * Memoized, so the lab's "running" render leaves the previous results alone.
 */
export const Results = memo(function Results({ result }: { result: RunResult }) {
  const id = useId()
  // The WebSockets tab is there only for a run with WebSocket clients.
  const TABS = result.webSockets ? ALL_TABS : ALL_TABS.slice(0, 4)
  const [tab, setTab] = useState<Tab>('Response')
  const [selected, setSelected] = useState(result.requests.length - 1)
  const [shownResult, setShownResult] = useState(result)
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([])
  // A new run selects its last request again.
  if (shownResult !== result) {
    setShownResult(result)
    setSelected(result.requests.length - 1)
    if (tab === 'WebSockets' && !result.webSockets) setTab('Response')
  }
  const request = result.requests[Math.min(selected, result.requests.length - 1)]
  // The status line shows the new run at once, with the summary; the open tab (a 1 MB body, a
  // 2,000-line console, the timeline) renders in a transition right after, so it never holds them up.
  const panelResult = useDeferredValue<RunResult | null>(result, null)
  const panelRequest = panelResult?.requests[Math.min(selected, panelResult.requests.length - 1)]

  function onTabKeyDown(event: KeyboardEvent) {
    const next = tabIndexForKey(event.key, TABS.indexOf(tab), TABS.length)
    if (next === -1) return
    event.preventDefault()
    setTab(TABS[next])
    tabRefs.current[next]?.focus()
  }

  const consoleCount = result.console.length
  return (
    <div className={styles.results}>
      {request && (
        <div className={styles.row} style={{ alignItems: 'center', padding: '0.6rem 0' }}>
          {result.requests.length > 1 && (
            <label className={styles.field}>
              Request
              <select
                className={styles.select}
                value={selected}
                onChange={(event) => setSelected(Number(event.target.value))}
              >
                {result.requests.map((candidate) => (
                  <option key={candidate.index} value={candidate.index}>
                    {`#${candidate.index + 1} ${candidate.method} ${candidate.path} → ${candidate.status}`}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p
            data-testid="response-status"
            className={`${styles.status} ${request.status < 400 ? styles.statusOk : styles.statusBad}`}
            style={{ margin: 0 }}
          >
            {`${request.status} ${statusText(request.status)}`.trim()}
            <span className={styles.kbd} style={{ fontWeight: 400 }}>
              {` · ${request.method} ${request.path} · ${formatMs(request.timing.end - request.timing.start)}`}
              {request.instance ? ` · ${request.instance}${request.cold ? ', cold start' : ', warm'}` : ''}
            </span>
          </p>
        </div>
      )}
      <div
        role="tablist"
        aria-label="Run results"
        className={`${styles.tabList} ${tabStyles.scrolling}`}
        onKeyDown={onTabKeyDown}
      >
        {TABS.map((name, index) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[index] = element
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className={`${styles.tab} ${tab === name ? styles.tabActive : ''}`}
            onClick={() => setTab(name)}
          >
            {name}
            {name === 'Console' && consoleCount > 0 ? ` (${consoleCount})` : ''}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${tab}`}
        tabIndex={0}
        className={styles.tabPanel}
      >
        {tab === 'Response' && panelRequest && <ResponseTab request={panelRequest} />}
        {tab === 'Console' && panelResult && (
          <ConsoleTab lines={panelResult.console} truncated={panelResult.consoleTruncated} />
        )}
        {tab === 'Timeline' && panelResult && <TimelineTab result={panelResult} />}
        {tab === 'Database' && panelResult && <DatabaseTab database={panelResult.database} />}
        {tab === 'WebSockets' && panelResult?.webSockets && <WebSocketsTab report={panelResult.webSockets} />}
      </div>
    </div>
  )
})
