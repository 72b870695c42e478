import { useSandpack } from '@codesandbox/sandpack-react'
import { useRef, type KeyboardEvent } from 'react'
import styles from './Lab.module.css'
import { tabIndexForKey } from './tablistKeys'
import { tabLabels } from './tabLabels'

/**
 * The editor's file tabs (ARIA tabs pattern). Ours rather than Sandpack's FileTabs, whose markup
 * nests a button inside an element with role="tab", which axe reports as a serious violation.
 */
export function FileTabs({
  files,
  panelId,
  readOnlyFiles,
}: {
  files: string[]
  panelId: string
  readOnlyFiles: string[]
}) {
  const { sandpack } = useSandpack()
  const active = sandpack.activeFile.replace(/^\//, '')
  const labels = tabLabels(files)
  const refs = useRef<Array<HTMLButtonElement | null>>([])

  function onKeyDown(event: KeyboardEvent) {
    const next = tabIndexForKey(event.key, files.indexOf(active), files.length)
    if (next === -1) return
    event.preventDefault()
    sandpack.setActiveFile(`/${files[next]}`)
    refs.current[next]?.focus()
  }

  return (
    <div className={styles.tabs} role="tablist" aria-label="Files" onKeyDown={onKeyDown}>
      {files.map((file, index) => (
        <button
          key={file}
          ref={(element) => {
            refs.current[index] = element
          }}
          type="button"
          role="tab"
          id={`${panelId}-tab-${index}`}
          aria-selected={file === active}
          aria-controls={panelId}
          tabIndex={file === active ? 0 : -1}
          title={file}
          className={`${styles.tab} ${file === active ? styles.tabActive : ''}`}
          onClick={() => sandpack.setActiveFile(`/${file}`)}
        >
          {labels[file]}
          {readOnlyFiles.includes(file) && <span className={styles.srOnly}> (read-only)</span>}
        </button>
      ))}
    </div>
  )
}
