import { useId } from 'react'
import styles from './Lab.module.css'
import { panelStateForPreset, type PanelState } from './panelState'
import type { LabMeta } from './types'
import type { PlatformProfile } from '@/lib/lab/types'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']
const PROFILE_LABELS: Record<PlatformProfile, string> = {
  lambda: 'Lambda (one request per instance)',
  fluid: 'Fluid (many requests per instance)',
  server: 'Server (one long-lived process)',
}

interface RequestPanelProps {
  meta: LabMeta
  value: PanelState
  onChange: (next: PanelState) => void
  /** Shown under the body field; the run is refused while it is set. */
  bodyError?: string
  headersError?: string
}

/**
 * Method, path, headers, JSON body, preset and platform profile for the next run. Rendered at build
 * time for the idle lab too (LabIdle.tsx): each control's `name` is its PanelState field, which is how
 * the edits a reader makes there are handed to the interactive lab (staticEdits.ts).
 */
export function RequestPanel({ meta, value, onChange, bodyError, headersError }: RequestPanelProps) {
  const id = useId()
  const set = (patch: Partial<PanelState>) => onChange({ ...value, ...patch })
  const preset = meta.presets.find((candidate) => candidate.name === value.preset)
  const copies = preset?.scenario.requests.reduce((sum, entry) => sum + (entry.count ?? 1), 0) ?? 1

  return (
    <div className={styles.panel} role="group" aria-label="Request">
      <div className={styles.row}>
        <label className={styles.field}>
          Scenario
          <select
            name="preset"
            className={styles.select}
            value={value.preset}
            onChange={(event) => onChange(panelStateForPreset(meta, event.target.value, value.profile))}
          >
            {meta.presets.map((candidate) => (
              <option key={candidate.name}>{candidate.name}</option>
            ))}
          </select>
        </label>
        {meta.profiles.length > 0 && (
          <label className={styles.field}>
            Platform
            <select
              name="profile"
              className={styles.select}
              value={value.profile}
              onChange={(event) => set({ profile: event.target.value as PlatformProfile })}
            >
              {meta.profiles.map((profile) => (
                <option key={profile} value={profile}>
                  {PROFILE_LABELS[profile]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {preset?.description && <p className={styles.hint}>{preset.description}</p>}
      <div className={styles.row}>
        <label className={styles.field}>
          Method
          <select
            name="method"
            className={styles.select}
            value={value.method}
            onChange={(event) => set({ method: event.target.value })}
          >
            {METHODS.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </select>
        </label>
        <label className={`${styles.field} ${styles.grow}`}>
          Path
          <input
            name="path"
            className={styles.input}
            value={value.path}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => set({ path: event.target.value })}
          />
        </label>
      </div>
      {copies > 1 && (
        <p className={styles.hint}>
          This scenario sends {copies} requests; the fields above set the{' '}
          {preset!.scenario.requests.length > 1 ? 'last one' : 'request'}.
        </p>
      )}
      <details className={styles.details} open={value.headersText !== '' || undefined}>
        <summary>Headers</summary>
        <label className={styles.field}>
          <span className={styles.srOnly}>Headers, one “name: value” per line</span>
          <textarea
            name="headersText"
            className={styles.textarea}
            value={value.headersText}
            spellCheck={false}
            placeholder="authorization: Bearer demo"
            aria-invalid={headersError ? true : undefined}
            aria-describedby={headersError ? `${id}-headers-error` : undefined}
            onChange={(event) => set({ headersText: event.target.value })}
          />
        </label>
        {headersError && (
          <p id={`${id}-headers-error`} className={styles.fieldError}>
            {headersError}
          </p>
        )}
      </details>
      <label className={styles.field}>
        Body (JSON)
        <textarea
          name="bodyText"
          className={styles.textarea}
          value={value.bodyText}
          spellCheck={false}
          placeholder='{ "title": "Buy milk" }'
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? `${id}-body-error` : undefined}
          data-testid="request-body"
          onChange={(event) => set({ bodyText: event.target.value })}
        />
      </label>
      {bodyError && (
        <p id={`${id}-body-error`} className={styles.fieldError} role="alert" data-testid="body-error">
          {bodyError}
        </p>
      )}
    </div>
  )
}
