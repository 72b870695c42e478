// One source for where the course lives. Forks and mirrors set COURSE_REPOSITORY_URL at build time,
// and every "Edit this page", feedback and project link follows.
export const DEFAULT_REPOSITORY_URL = 'https://github.com/robust-apis-with-nextjs/course'

export function repositoryUrl(env = process.env) {
  const fromEnv = env.COURSE_REPOSITORY_URL?.trim()
  return (fromEnv || DEFAULT_REPOSITORY_URL).replace(/\/+$/, '')
}

export const SITE_TITLE = 'Robust APIs with Next.js'
export const SITE_DESCRIPTION =
  'An interactive course on querying a database straight from Next.js API routes and route handlers: five strengths, five weaknesses, and a decision you can defend.'
export const DEFAULT_BRANCH = 'main'
