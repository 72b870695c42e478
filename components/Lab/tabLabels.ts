/**
 * Short tab labels for file paths: the file name, plus just enough parent folders to tell two
 * files apart (`todos/route.ts` and `[id]/route.ts`).
 */
export function tabLabels(paths: string[]): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const path of paths) {
    const parts = path.split('/')
    let depth = 1
    const label = () => parts.slice(-depth).join('/')
    while (
      depth < parts.length &&
      paths.some((other) => other !== path && other.split('/').slice(-depth).join('/') === label())
    ) {
      depth++
    }
    labels[path] = label()
  }
  return labels
}
