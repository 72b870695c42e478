import styles from './Lab.module.css'
import { tabLabels } from './tabLabels'
import type { LabMeta } from './types'

/**
 * The example's active file as highlighted at build time, with the editor's tab bar and height,
 * so the page reads well without JavaScript and nothing moves when the editor replaces it.
 */
export function StaticCode({ meta, highlighted }: { meta: LabMeta; highlighted: string }) {
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
        dangerouslySetInnerHTML={{ __html: highlighted }}
      />
    </div>
  )
}
