/**
 * The lab's notices, each drawn from the lab's session. Above the code: a share link's code, or a
 * share link that could not open. Below it: an example that changed since the reader edited it, a
 * reset that can be undone, the solution shown, and storage that keeps nothing.
 */
import styles from './Lab.module.css'
import type { LabCommands } from './session/commands'
import { sameFiles, type LabSessionState } from './session/state'
import { SharedLinkNotice, ShareProblemNotice } from './Share'

interface NoticeProps {
  state: LabSessionState
  commands: LabCommands
}

export function ShareNotices({ state, commands }: NoticeProps) {
  const { mode, starter } = state
  return (
    <>
      {mode.kind === 'shared' && (
        <SharedLinkNotice
          {...mode.link}
          hasOwnVersion={!sameFiles(mode.mine, starter)}
          onBack={() => commands.leaveSharedCode(false)}
          onKeep={() => commands.leaveSharedCode(true)}
        />
      )}
      {state.shareProblem && (
        <ShareProblemNotice
          message={state.shareProblem}
          showing={sameFiles(state.files, starter) ? 'the original' : 'your saved version'}
          onDismiss={commands.dismissShareProblem}
        />
      )}
    </>
  )
}

export function FileNotices({ state, commands }: NoticeProps) {
  const { mode, notice } = state
  return (
    <>
      {notice?.kind === 'example-changed' && mode.kind !== 'shared' && (
        <div className={styles.notice} role="status">
          <span>This example changed since you edited it. You are looking at your version.</span>
          <button type="button" className={styles.button} onClick={commands.useUpdatedExample}>
            Use the updated example
          </button>
          <button type="button" className={styles.button} onClick={commands.keepMyVersion}>
            Keep my version
          </button>
        </div>
      )}
      {notice?.kind === 'reset' && (
        <div className={styles.notice} role="status">
          <span>The files are back to the original.</span>
          <button type="button" className={styles.button} onClick={commands.undoReset}>
            Undo
          </button>
        </div>
      )}
      {mode.kind === 'solution' && (
        <p className={styles.notice} role="status">
          You are looking at the solution. “Back to my version” restores your code; edits here are not saved.
        </p>
      )}
      {!state.storageWorks && (
        <p className={styles.notice} role="status">
          This browser is not keeping your edits (storage is full or disabled): they will be lost when you leave the
          page.
        </p>
      )}
    </>
  )
}
