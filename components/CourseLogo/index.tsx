import { SITE_TITLE } from '@/lib/site/config.mjs'

/** The mark is inline SVG, so the header needs no extra request and follows the text colour in both themes. */
export function CourseLogo() {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.5rem', fontWeight: 700 }}>
      <svg width="24" height="24" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect x="1" y="1" width="30" height="30" rx="7" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M9 11h14M9 16h9M9 21h5" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
        <circle cx="23" cy="21" r="3" fill="currentColor" />
      </svg>
      <span>{SITE_TITLE}</span>
    </span>
  )
}
