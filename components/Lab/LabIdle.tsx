/**
 * The idle lab as it is rendered at build time: the header, and the body (the highlighted active
 * file, the request panel, Run and Reset, the exercise, the summary line). It reaches the browser as
 * HTML only (./index.tsx renders it inside ServerOnly); native form controls work in it before any
 * script has loaded, and the interactive lab (LabInteractive.tsx) renders the same components, so the
 * two views cannot drift apart.
 */
import styles from './Lab.module.css'
import { LabDownload } from './Download'
import { ExercisePanel } from './ExercisePanel'
import { initialPanelState } from './panelState'
import { RequestPanel } from './RequestPanel'
import { RunBar } from './RunBar'
import { StaticCode } from './StaticCode'
import type { LabMeta } from './types'
import { PRISMA_SCHEMA } from '@/lib/lab/modules/builtins/prisma/names'

const nothing = () => {}

export function LabHeader({ meta }: { meta: LabMeta }) {
  return (
    <>
      <p className={styles.title}>{meta.title}</p>
      {meta.description && <p className={styles.description}>{meta.description}</p>}
      {/* A Prisma lab: the page's lab worker loads Prisma's runtime (components/Lab/labHost.ts). */}
      {meta.visibleFiles.includes(PRISMA_SCHEMA) && <span hidden data-lab-preload="prisma" />}
    </>
  )
}

export function LabIdle({ meta, highlighted }: { meta: LabMeta; highlighted: string | undefined }) {
  return (
    <>
      <StaticCode meta={meta} highlighted={highlighted} />
      <RequestPanel meta={meta} value={initialPanelState(meta)} onChange={nothing} />
      <RunBar running={false} resetDisabled onReset={nothing} onRun={nothing}>
        {/* Disabled until the files load, as in the interactive lab: the row does not shift when it takes over. */}
        <LabDownload example={meta.id} meta={meta} original={null} currentFiles={() => ({})} />
      </RunBar>
      {meta.exercise && (
        <ExercisePanel
          goal={meta.exercise.goal}
          hints={meta.exercise.hints}
          verdicts={null}
          completed={false}
          showingSolution={false}
          hasSolution={meta.hasSolution}
          onCheck={nothing}
          onToggleSolution={nothing}
        />
      )}
      <p className={styles.summary} role="status" aria-live="polite" data-testid="run-summary" />
    </>
  )
}
