/**
 * Pure operations on progress records: merging two (an import into what this device has), and
 * reading and writing the export file. No storage, no clock: store.ts owns those.
 */
import type * as z from 'zod/mini'
import {
  PROGRESS_FILE_FORMAT,
  progressFileSchema,
  type ExerciseProgress,
  type LessonProgress,
  type Progress,
  type ProgressFile,
} from './schema'

const earliest = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b)

function mergeLesson(a: LessonProgress | undefined, b: LessonProgress): LessonProgress {
  if (!a) return b
  const readAt = earliest(a.readAt, b.readAt)
  return {
    openedAt: Math.min(a.openedAt, b.openedAt),
    lastOpenedAt: Math.max(a.lastOpenedAt, b.lastOpenedAt),
    ...(readAt === undefined ? {} : { readAt }),
  }
}

function mergeExercise(a: ExerciseProgress | undefined, b: ExerciseProgress): ExerciseProgress {
  if (!a) return b
  // A known date wins over an unknown one; of two known dates, the first pass.
  const passedAt =
    a.passedAt === null ? b.passedAt : b.passedAt === null ? a.passedAt : Math.min(a.passedAt, b.passedAt)
  const first = passedAt === b.passedAt ? b : a
  return { passedAt, ...((first.route ?? a.route ?? b.route) ? { route: first.route ?? a.route ?? b.route } : {}) }
}

/**
 * Everything either record knows: a page is opened or read, an exercise passed, if it is in either;
 * first times are the earliest, the last visit the latest. Nothing is ever dropped.
 */
export function mergeProgress(base: Progress, incoming: Progress): Progress {
  const lessons = { ...base.lessons }
  for (const [route, lesson] of Object.entries(incoming.lessons)) lessons[route] = mergeLesson(lessons[route], lesson)
  const exercises = { ...base.exercises }
  for (const [id, exercise] of Object.entries(incoming.exercises))
    exercises[id] = mergeExercise(exercises[id], exercise)
  return { version: base.version, lessons, exercises }
}

export function progressToFile(progress: Progress, now: Date): string {
  const file: ProgressFile = { format: PROGRESS_FILE_FORMAT, exportedAt: now.toISOString(), progress }
  return `${JSON.stringify(file, null, 2)}\n`
}

/** zod/mini carries no message texts (they are most of zod's size), so the few that can occur are here. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`
    case 'too_small':
      return `expected a number of at least ${String(issue.minimum)}`
    case 'invalid_format':
      return `expected ${issue.message}`
    case 'invalid_key':
      return `"${String(issue.path.at(-1))}" is not ${issue.issues[0]?.message ?? 'a valid name'}`
    default:
      return issue.message
  }
}

export type ParsedFile = { ok: true; progress: Progress } | { ok: false; message: string }

/** Reads an exported file; every failure is a sentence a reader can act on. */
export function parseProgressFile(text: string): ParsedFile {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return {
      ok: false,
      message: 'This file is not a progress export from this course (it is not JSON). Your progress is unchanged.',
    }
  }
  const format = (data as { format?: unknown } | null)?.format
  if (format !== PROGRESS_FILE_FORMAT) {
    return {
      ok: false,
      message: `This file is not a progress export from this course (expected "format": "${PROGRESS_FILE_FORMAT}"). Your progress is unchanged.`,
    }
  }
  const version = (data as { progress?: { version?: unknown } }).progress?.version
  if (typeof version === 'number' && version > 1) {
    return {
      ok: false,
      message: `This file was written by a newer version of the course (progress version ${version}). Reload the page to get the latest version, then import it again. Your progress is unchanged.`,
    }
  }
  const parsed = progressFileSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : ''
    return {
      ok: false,
      message: `This progress file is damaged${where}: ${describeIssue(issue)}. Your progress is unchanged.`,
    }
  }
  return { ok: true, progress: parsed.data.progress }
}
