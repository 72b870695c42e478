import type { ResolvedExampleMeta } from '@/lib/examples/schema'
import type { FileTree } from '@/lib/lab/types'

/** What the MDX plugin (lib/mdx/remark-lab.mjs) injects for every `<Lab example="…" />`. */
export interface LabMeta extends ResolvedExampleMeta {
  /** Fingerprint of the starter files, stored with the reader's edits. */
  hash: string
  hasSolution: boolean
  /** Height of the code area in px, the same before and after the editor loads. */
  editorHeight: number
}

/** The lazy chunk built by lib/examples/files-loader.cjs. */
export interface ExampleFilesModule {
  default: { files: FileTree; solution: FileTree | null }
}

export interface LabProps {
  example: string
  meta: LabMeta
  /**
   * Shiki HTML of the active file, shown until the editor is ready (and with JavaScript off). Only
   * present while the page is rendered at build time: the browser bundle leaves it out, and the Lab
   * reads it back from the static HTML when it activates.
   */
  highlighted?: string
  loadFiles: () => Promise<ExampleFilesModule>
}

export type LabState = 'idle' | 'loading' | 'running' | 'done' | 'error'
