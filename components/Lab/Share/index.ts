/**
 * Share a lab as a link: the reader's changed files travel compressed in the URL fragment, never
 * through a server. The lab mounts CopyLinkButton beside Run and Reset, and SharedLinkNotice /
 * ShareProblemNotice when a link opened it (LabInteractive.tsx); the codec loads only on use.
 */
export { CopyLinkButton, changedFiles } from './CopyLinkButton'
export { SharedLinkNotice, ShareProblemNotice } from './SharedLinkNotice'
export { forgetShareTarget, readShareTarget } from './link'
export { openSharedFiles, type OpenedShare } from './open'
