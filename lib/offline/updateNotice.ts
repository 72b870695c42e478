/**
 * The "new version" notice: plain DOM outside React's tree (it may appear on any page, and its code
 * loads only when there is an update). A polite live region, so screen readers announce it once.
 */
const NOTICE_ID = 'course-update-notice'

const TEXT = {
  waiting: 'A new version of the course is available. It loads with your next page, or now:',
  'taken-elsewhere': 'The course was updated in another tab. Reload to continue with the new version:',
}

export function showUpdateNotice(reason: keyof typeof TEXT, onReload: () => void) {
  if (document.getElementById(NOTICE_ID)) return
  const notice = document.createElement('div')
  notice.id = NOTICE_ID
  notice.className = 'course-update-notice'
  notice.setAttribute('role', 'status')
  const text = document.createElement('span')
  text.textContent = TEXT[reason]
  const button = document.createElement('button')
  button.type = 'button'
  button.textContent = 'Reload'
  button.addEventListener('click', onReload)
  notice.append(text, ' ', button)
  document.body.append(notice)
}
