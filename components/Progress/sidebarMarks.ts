/**
 * The sidebar's "done" marks. Nextra renders the sidebar and offers no hook into its items, so instead
 * of changing its DOM (React owns it, and folders mount and unmount their items) one generated style
 * sheet adds a ✓ after each done page's link. The mark's alternative text (`content: "✓" / ", done"`)
 * is part of the link's accessible name: a screen reader says "Simplicity, done".
 */
import type { Progress } from '@/lib/progress/schema'

const STYLE_ID = 'course-progress-marks'

/** `/why-api-routes-work/simplicity` → the sidebar's href `/why-api-routes-work/simplicity/`. */
const hrefOf = (route: string) => (route === '/' ? '/' : `${route}/`)

export function sidebarMarksCss(progress: Progress): string {
  const done = Object.entries(progress.lessons)
    .filter(([, lesson]) => lesson.readAt !== undefined)
    .map(([route]) => hrefOf(route))
    .filter((href) => /^[a-z0-9/-]+$/.test(href)) // Routes are validated already; never let one escape the selector.
    .sort()
  if (done.length === 0) return ''
  const links = (suffix: string) =>
    done.map((href) => `.nextra-sidebar-container a[href="${href}"]${suffix}`).join(',\n')
  return `${links('::after')} {
  content: "\\2713" / ", done";
  margin-inline: 0.4em auto;
  font-weight: 700;
  color: #15803d;
}
html.dark :is(${links('')})::after { color: #4ade80; }
${links(' > svg')} { order: 1; }
`
}

export function renderSidebarMarks(progress: Progress) {
  let style = document.getElementById(STYLE_ID)
  if (!style) {
    style = document.createElement('style')
    style.id = STYLE_ID
    document.head.append(style)
  }
  const css = sidebarMarksCss(progress)
  if (style.textContent !== css) style.textContent = css
}
