/**
 * "Copy page as Markdown": loaded on the first click, so none of this is in a page's first-load JS.
 * The page's Markdown comes from the same origin (`<page>/index.md`), nothing else is contacted.
 */

async function fetchMarkdown(href: string): Promise<string> {
  const response = await fetch(href)
  if (!response.ok) throw new Error(`the Markdown file answered ${response.status}`)
  return response.text()
}

async function writeToClipboard(text: Promise<string>) {
  // Safari keeps the click's permission only if the clipboard write starts in the click itself, with the
  // text still on its way: a ClipboardItem that takes a promise. Where that is missing, write the text.
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      const blob = text.then((markdown) => new Blob([markdown], { type: 'text/plain' }))
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })])
      return
    } catch {
      // A failed download is the reader's message (this rethrows it); anything else gets the plain write below.
      await text
    }
  }
  if (!navigator.clipboard?.writeText) throw new Error('this browser gives the page no clipboard')
  await navigator.clipboard.writeText(await text)
}

export async function copyPageMarkdown(button: HTMLButtonElement, href: string) {
  const status = button.parentElement?.querySelector('[role="status"]')
  const say = (message: string) => {
    if (status) status.textContent = message
  }
  say('Copying…')
  try {
    await writeToClipboard(fetchMarkdown(href))
    say('Copied.')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    say(`Could not copy (${reason}). Use “View as Markdown” and copy it from there.`)
  }
}
