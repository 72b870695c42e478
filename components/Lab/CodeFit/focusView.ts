/**
 * The focus view: the lab fills the window (`className`, a fixed layer from CodeFit.module.css) so long lines fit, and
 * the rest of the page is inert until the reader leaves it, so Tab and screen readers stay in the lab.
 * Returns the function that puts everything back.
 */
export function enterFocusView(lab: HTMLElement, className: string, onLeave: () => void): () => void {
  const madeInert: HTMLElement[] = []
  for (let node: HTMLElement | null = lab; node && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement?.children ?? []) {
      if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert) continue
      if (sibling.tagName === 'SCRIPT' || sibling.tagName === 'STYLE') continue
      sibling.inert = true
      madeInert.push(sibling)
    }
  }
  lab.setAttribute('data-focused', '')
  lab.classList.add(className)
  const root = document.documentElement
  const overflow = root.style.overflow
  root.style.overflow = 'hidden'
  // Esc leaves, except inside the code, where Esc already means "stop editing" (Sandpack's keymap).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    if ((event.target as Element | null)?.closest?.('.cm-content')) return
    onLeave()
  }
  document.addEventListener('keydown', onKeyDown)
  return () => {
    document.removeEventListener('keydown', onKeyDown)
    for (const element of madeInert) element.inert = false
    lab.removeAttribute('data-focused')
    lab.classList.remove(className)
    root.style.overflow = overflow
  }
}
