/**
 * The Sandpack editor: file tabs plus CodeMirror, nothing else. Sandpack's preview, bundler and
 * "Open in CodeSandbox" are never mounted, so no request leaves the site. Composed from FileTabs +
 * CodeEditor rather than SandpackCodeEditor because only the raw editor takes `decorators`, which
 * highlight the line of a compile error.
 */
import {
  CodeEditor as CodeMirrorEditor,
  SandpackProvider,
  SandpackStack,
  useActiveCode,
  useSandpack,
} from '@codesandbox/sandpack-react'
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { FileTree } from '@/lib/lab/types'
import { TAB_BAR_HEIGHT_PX } from '@/lib/mdx/lab-theme.mjs'
import { CodeFitControls, useCodeFit } from './CodeFit'
import fitStyles from './CodeFit/CodeFit.module.css'
import { editorTheme } from './editorTheme'
import { FileTabs } from './FileTabs'
import styles from './Lab.module.css'
import { sqlLanguage } from './sqlLanguage'

export interface ErrorMarker {
  file: string
  line: number
  column?: number
}

export interface CodeEditorProps {
  files: FileTree
  visibleFiles: string[]
  activeFile: string
  readOnlyFiles: string[]
  height: number
  errorMarker?: ErrorMarker
  onFilesChange: (files: FileTree) => void
  onActiveFileChange?: (file: string) => void
}

const ADDITIONAL_LANGUAGES = [sqlLanguage]

const toSandpackPath = (path: string) => `/${path}`
const fromSandpackPath = (path: string) => path.replace(/^\//, '')

interface ReportChangesProps {
  onFilesChange: (files: FileTree) => void
  known: Set<string>
  /** Every tree reported: FollowFiles leaves these alone, they came from the editor. */
  reported: WeakSet<FileTree>
}

function ReportChanges({ onFilesChange, known, reported }: ReportChangesProps) {
  const { sandpack } = useSandpack()
  const report = useRef(onFilesChange)
  report.current = onFilesChange
  const lastReported = useRef(sandpack.files)
  useEffect(() => {
    // Only real edits: the first render and re-renders of the same state echo what we passed in.
    if (lastReported.current === sandpack.files) return
    lastReported.current = sandpack.files
    const files: FileTree = {}
    for (const [path, file] of Object.entries(sandpack.files)) {
      const name = fromSandpackPath(path)
      if (known.has(name)) files[name] = file.code
    }
    reported.add(files)
    report.current(files)
  }, [sandpack.files, known, reported])
  return null
}

/**
 * The editor is a view of the lab session's files: files put there from outside the editor (Reset,
 * Undo, the solution, a share link) are written into Sandpack, which keeps the open tab, the
 * scroll and the undo history. What the reader types comes back through ReportChanges, already equal.
 */
function FollowFiles({ files, reported }: { files: FileTree; reported: WeakSet<FileTree> }) {
  const { sandpack } = useSandpack()
  const latest = useRef(sandpack)
  latest.current = sandpack
  useEffect(() => {
    if (reported.has(files)) return
    for (const [path, code] of Object.entries(files)) {
      const shown = latest.current.files[toSandpackPath(path)]
      if (shown && shown.code !== code) latest.current.updateFile(toSandpackPath(path), code, false)
    }
  }, [files, reported])
  return null
}

/** Tells the lab's session which tab is open. */
function ReportActiveFile({ onActiveFileChange }: { onActiveFileChange: (file: string) => void }) {
  const { sandpack } = useSandpack()
  const report = useRef(onActiveFileChange)
  report.current = onActiveFileChange
  useEffect(() => report.current(fromSandpackPath(sandpack.activeFile)), [sandpack.activeFile])
  return null
}

function OpenFileWithError({ marker }: { marker?: ErrorMarker }) {
  const { sandpack } = useSandpack()
  const { openFile } = sandpack
  useEffect(() => {
    if (marker) openFile(toSandpackPath(marker.file))
  }, [marker, openFile])
  return null
}

interface EditorProps {
  height: number
  errorMarker?: ErrorMarker
  visibleFiles: string[]
  readOnlyFiles: string[]
}

function Editor({ height, errorMarker, visibleFiles, readOnlyFiles }: EditorProps) {
  const panelId = useId()
  const { sandpack } = useSandpack()
  const { code, updateCode, readOnly } = useActiveCode()
  const activeFile = sandpack.activeFile
  const fit = useCodeFit()
  // The marker belongs to the code that failed to compile. Once the reader edits that code the line
  // number means nothing (and CodeMirror throws a RangeError mapping it onto a shorter document), so
  // the marker is dropped at the first change.
  const [markedCode, setMarkedCode] = useState<{ marker: ErrorMarker | undefined; code: string }>({
    marker: errorMarker,
    code,
  })
  if (markedCode.marker !== errorMarker) setMarkedCode({ marker: errorMarker, code })
  const markerStillApplies = !!errorMarker && markedCode.marker === errorMarker && markedCode.code === code
  const decorators = useMemo(
    () =>
      markerStillApplies && errorMarker && toSandpackPath(errorMarker.file) === activeFile
        ? [
            {
              line: errorMarker.line,
              className: 'cm-errorLine',
              elementAttributes: { 'data-error-line': String(errorMarker.line) },
            },
          ]
        : undefined,
    [markerStillApplies, errorMarker, activeFile],
  )
  return (
    <SandpackStack style={{ height: height + TAB_BAR_HEIGHT_PX }}>
      <div className={fitStyles.tabRow}>
        <FileTabs files={visibleFiles} panelId={panelId} readOnlyFiles={readOnlyFiles} />
        <CodeFitControls />
      </div>
      <div
        role="tabpanel"
        id={panelId}
        aria-labelledby={`${panelId}-tab-${visibleFiles.indexOf(fromSandpackPath(activeFile))}`}
        className={fit?.wrap ? `${styles.editorHost} ${fitStyles.wrapped}` : styles.editorHost}
        style={{ flex: 1, overflow: 'auto' }}
      >
        <CodeMirrorEditor
          key={activeFile}
          code={code}
          filePath={activeFile}
          onCodeUpdate={(next) => updateCode(next, false)}
          showLineNumbers
          wrapContent={fit?.wrap ?? false}
          readOnly={readOnly}
          decorators={decorators}
          initMode="immediate"
          additionalLanguages={ADDITIONAL_LANGUAGES}
        />
      </div>
    </SandpackStack>
  )
}

function CodeEditor({
  files,
  visibleFiles,
  activeFile,
  readOnlyFiles,
  height,
  errorMarker,
  onFilesChange,
  onActiveFileChange,
}: CodeEditorProps) {
  // The example's file names never change while the editor is mounted.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const known = useMemo(() => new Set(Object.keys(files)), [])
  const reported = useMemo(() => new WeakSet<FileTree>(), [])
  const sandpackFiles = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(files).map(([path, code]) => [
          toSandpackPath(path),
          { code, readOnly: readOnlyFiles.includes(path), hidden: !visibleFiles.includes(path) },
        ]),
      ),
    // The first files only: later ones reach Sandpack through FollowFiles, without a remount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )
  // Sandpack resets its files whenever `files` or `customSetup` changes identity, which would throw
  // away what the reader just typed: both are created once per mount, from the first props.
  const customSetup = useMemo(() => ({ entry: toSandpackPath(activeFile) }), []) // eslint-disable-line react-hooks/exhaustive-deps
  const options = useMemo(
    () => ({
      visibleFiles: visibleFiles.map(toSandpackPath),
      activeFile: toSandpackPath(activeFile),
      initMode: 'immediate' as const,
      autorun: false,
    }),
    [], // eslint-disable-line react-hooks/exhaustive-deps
  )
  return (
    <SandpackProvider files={sandpackFiles} customSetup={customSetup} options={options} theme={editorTheme}>
      <Editor height={height} errorMarker={errorMarker} visibleFiles={visibleFiles} readOnlyFiles={readOnlyFiles} />
      <FollowFiles files={files} reported={reported} />
      <ReportChanges onFilesChange={onFilesChange} known={known} reported={reported} />
      {onActiveFileChange && <ReportActiveFile onActiveFileChange={onActiveFileChange} />}
      <OpenFileWithError marker={errorMarker} />
    </SandpackProvider>
  )
}

/**
 * Memoized: a run changes the lab's state twice (running, then done) but none of the editor's props,
 * and Sandpack's CodeMirror component parses and highlights the whole file again on every render,
 * on the main thread, while the worker runs.
 */
export default memo(CodeEditor)
