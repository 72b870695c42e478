import type { ResolvedExampleMeta } from '@/lib/examples/schema'
import type { FileTree } from '@/lib/lab/types'

/** The example's meta as the MDX plugin (lib/mdx/remark-lab.mjs) resolves it for a `<Lab example="…" />`. */
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

/** The lazy chunk built by lib/mdx/lab-module-loader.cjs: the example's files and its meta, loaded together. */
export interface LabModule extends ExampleFilesModule {
  meta: LabMeta
}

/**
 * What `<Lab example="…" />` receives in an MDX page once lib/mdx/remark-lab.mjs has expanded it.
 * `meta` and `highlighted` exist only while the page is rendered at build time (the browser bundle
 * leaves them out): the idle lab is static HTML, and the browser gets the meta with the files when
 * the lab becomes interactive.
 */
export interface LabEmbedProps {
  example: string
  /** The lab's title, for the section's accessible name on both sides. */
  title: string
  meta?: LabMeta
  highlighted?: string
  loadLab: () => Promise<LabModule>
}

/** The section's `data-state`: the entry's own until the lab's session exists, then the session's (session/state.ts). */
export type LabState = 'idle' | 'loading' | 'running' | 'done' | 'error' | 'cancelled'
