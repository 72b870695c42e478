/**
 * What the course remembers about a reader, on their device only: the schema of the stored record and of
 * an exported progress file. The `describe` texts are the documentation of each field.
 *
 * Routes are Nextra's page routes (`/`, `/why-api-routes-work/simplicity`: no trailing slash), the same
 * strings the page map and the sidebar use. Exercises are keyed by example id (`examples/<id>/`).
 * Times are milliseconds since the epoch.
 *
 * zod/mini, not zod: this loads on every page (after hydration), and the mini build is a fraction of the
 * size for the same checks.
 */
import * as z from 'zod/mini'

/** Bump with a migration in store.ts when the stored shape changes. */
export const PROGRESS_VERSION = 1

/** The `format` of an exported file: a file without it is not this course's progress. */
export const PROGRESS_FILE_FORMAT = 'robust-apis-with-nextjs/progress'

const time = (description: string) => z.int().check(z.nonnegative(), z.describe(description))

export const routeSchema = z
  .string()
  .check(
    z.regex(/^\/(?:[a-z0-9-]+(?:\/[a-z0-9-]+)*)?$/, 'a page route such as /decide'),
    z.describe('A page route as Nextra writes it: a leading slash, no trailing slash (`/` for the Introduction).'),
  )

export const exampleIdSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]*$/, 'an example id such as simplicity-crud'),
    z.describe('The id of the lab example whose exercise this is (the folder name under examples/).'),
  )

export const lessonProgressSchema = z.object({
  openedAt: time('When the reader first opened the page.'),
  lastOpenedAt: time('When the reader last opened the page: "continue where you left off" picks the latest.'),
  readAt: z.optional(time('When the reader first reached the end of the page; a page with it is done.')),
})

export const exerciseProgressSchema = z.object({
  passedAt: z.nullable(
    time('When every check of the exercise first passed with the reader’s own code; null when not known.'),
  ),
  route: z.optional(routeSchema).check(z.describe('The page the exercise was passed on.')),
})

export const progressSchema = z.object({
  version: z
    .literal(PROGRESS_VERSION)
    .check(z.describe('The shape of this record; older records are migrated on load.')),
  lessons: z.record(routeSchema, lessonProgressSchema).check(z.describe('Pages the reader has opened, by route.')),
  exercises: z
    .record(exampleIdSchema, exerciseProgressSchema)
    .check(z.describe('Exercises the reader has passed, by example id.')),
})

export const progressFileSchema = z.object({
  format: z.literal(PROGRESS_FILE_FORMAT).check(z.describe('Marks the file as this course’s progress export.')),
  exportedAt: z.string().check(z.describe('When the file was written (ISO 8601), for the reader’s information.')),
  progress: progressSchema,
})

export type LessonProgress = z.infer<typeof lessonProgressSchema>
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>
export type Progress = z.infer<typeof progressSchema>
export type ProgressFile = z.infer<typeof progressFileSchema>

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, lessons: {}, exercises: {} })
