/**
 * Opening a share link in a lab: decode it (codec.ts, loaded now) and lay its files over the
 * example's starter. Only files the lab has and lets readers edit are taken; the rest are named.
 */
import type { FileTree } from '@/lib/lab/types'

export type OpenedShare =
  | {
      ok: true
      /** The whole tree to show: the starter with the link's files over it. */
      files: FileTree
      changedFiles: string[]
      ignoredFiles: string[]
      exampleChanged: boolean
    }
  | { ok: false; message: string }

export async function openSharedFiles(
  payload: string,
  lab: { example: string; hash: string; readOnlyFiles: readonly string[]; starter: FileTree },
): Promise<OpenedShare> {
  const { decodeShare } = await import('./codec')
  const decoded = await decodeShare(payload, lab.example)
  if (!decoded.ok) return decoded
  const files = { ...lab.starter }
  const changedFiles: string[] = []
  const ignoredFiles: string[] = []
  for (const [path, code] of Object.entries(decoded.lab.files)) {
    if (!Object.hasOwn(lab.starter, path) || lab.readOnlyFiles.includes(path)) ignoredFiles.push(path)
    else if (code !== lab.starter[path]) {
      files[path] = code
      changedFiles.push(path)
    }
  }
  if (changedFiles.length === 0) {
    return {
      ok: false,
      message: ignoredFiles.length
        ? `This share link only changes files this lab does not have (${ignoredFiles.join(', ')}).`
        : 'This share link has the original code of this lab: there is nothing to show.',
    }
  }
  return { ok: true, files, changedFiles, ignoredFiles, exampleChanged: decoded.lab.hash !== lab.hash }
}
