/**
 * Builds the project zip and hands it to the browser as a download. The generator and the zip
 * library (lib/download/project.ts, fflate) are a dynamic import: they load the first time a reader
 * asks for a zip, never with the page or the lab.
 */
import type { ProjectInput } from '@/lib/download/project'

export interface SavedZip {
  fileName: string
  bytes: number
}

export async function saveProjectZip(input: ProjectInput): Promise<SavedZip> {
  const { generateProject, zipProject } = await import(/* webpackChunkName: "lab-download" */ '@/lib/download/project')
  const project = generateProject(input)
  const zip = zipProject(project)
  const fileName = `${project.name}${input.edited ? '' : '-original'}.zip`
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }))
  try {
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
  } finally {
    // The click has started the download; the object URL must outlive it by a moment in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return { fileName, bytes: zip.length }
}
