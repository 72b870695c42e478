import type { Ref } from 'react'
import styles from './Lab.module.css'
import { tabLabels } from './tabLabels'
import type { LabMeta } from './types'

/**
 * The example's active file as highlighted at build time, with the editor's tab bar and height,
 * so the page reads well without JavaScript and nothing moves when the editor replaces it.
 */
export function StaticCode({
  meta,
  highlighted,
  codeRef,
}: {
  meta: LabMeta
  /** Undefined while hydrating in the browser: the server-rendered HTML stays as it is. */
  highlighted: string | undefined
  codeRef?: Ref<HTMLDivElement>
}) {
  const labels = tabLabels(meta.visibleFiles)
  return (
    <div className={styles.code}>
      <div className={styles.tabs} aria-hidden="true">
        {meta.visibleFiles.map((file) => (
          <span key={file} className={`${styles.tab} ${file === meta.activeFile ? styles.tabActive : ''}`}>
            {labels[file]}
          </span>
        ))}
      </div>
      <div
        className={styles.staticCode}
        style={{ height: meta.editorHeight }}
        role="region"
        aria-label={`${meta.activeFile} (loading the editor)`}
        tabIndex={0}
        ref={codeRef}
        // React leaves server-rendered inner HTML alone when hydrating, so an empty string here keeps
        // the build's highlight on screen without shipping it in the page's JavaScript.
        dangerouslySetInnerHTML={{ __html: highlighted ?? '' }}
        suppressHydrationWarning
      />
    </div>
  )
}
