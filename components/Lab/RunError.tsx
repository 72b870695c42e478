import type { LabError } from '@/lib/lab/types'
import styles from './Lab.module.css'

const TITLES: Record<LabError['kind'], string> = {
  compile: 'Your code does not compile',
  runtime: 'Your code threw an error',
  'unknown-import': 'An import cannot be found',
  budget: 'The run hit a limit',
  timeout: 'The run was stopped',
  cancelled: 'The run was cancelled',
  plan: 'The scenario cannot run',
}

const ADVICE: Partial<Record<LabError['kind'], string>> = {
  compile: 'Fix the highlighted line, then press Run again.',
  timeout:
    'Your code kept the worker busy for 3 seconds (an infinite loop?), so the lab stopped it and started a fresh one. Fix the code and press Run again.',
  cancelled: 'Nothing is wrong with your code: press Run to run it again.',
  'unknown-import': 'Only the files of this example and the modules listed above can be imported.',
}

export function errorLocation(error: LabError): string | undefined {
  if (!error.file) return undefined
  return [error.file, error.line, error.column].filter((part) => part !== undefined).join(':')
}

/**
 * The message without the location it starts with (`app/api/x/route.ts:3:5 Unexpected token`): the
 * title above it already names the file and line, and a reader should read each fact once.
 */
export function messageWithoutLocation(error: LabError): string {
  if (!error.file) return error.message
  const escaped = error.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return error.message.replace(new RegExp(`^${escaped}(?::\\d+){0,2}:?\\s*`), '')
}

/**
 * The run's one-line summary when it failed: what went wrong and where, in a few words. The message
 * itself is shown once, in RunErrorDetails below it; `spoken` adds it for the live region, which is
 * all a screen reader announces.
 */
export function failureSummary(error: LabError): { shown: string; spoken: string } {
  if (error.kind === 'cancelled') return { shown: 'Run cancelled: a newer run took its place.', spoken: '' }
  const location = errorLocation(error)
  const title = TITLES[error.kind] ?? 'Error'
  const shown = `Run failed: ${title.charAt(0).toLowerCase()}${title.slice(1)}${location ? ` in ${location}` : ''}.`
  return { shown, spoken: ` ${messageWithoutLocation(error)}` }
}

/** An error with its location and the stack lines that point at the reader's files. */
export function RunErrorDetails({ error }: { error: LabError }) {
  const location = errorLocation(error)
  return (
    <div className={styles.error} data-testid="run-error" data-error-kind={error.kind}>
      <p className={styles.errorTitle}>
        {TITLES[error.kind] ?? 'Error'}
        {location && (
          <>
            {' in '}
            <code data-testid="error-location">{location}</code>
          </>
        )}
      </p>
      <p style={{ whiteSpace: 'pre-wrap' }} data-testid="error-message">
        {messageWithoutLocation(error)}
      </p>
      {error.stack && error.stack.length > 0 && (
        <pre className={styles.pre} aria-label="Stack trace">
          {error.stack.join('\n')}
        </pre>
      )}
      {ADVICE[error.kind] && <p className={styles.hint}>{ADVICE[error.kind]}</p>}
    </div>
  )
}
