import { useTheme } from 'nextra-theme-docs'
import { useMounted } from 'nextra/hooks'
import { MoonIcon, SunIcon } from 'nextra/icons'
import styles from './ThemeSwitch.module.css'

const THEMES = { light: 'Light', dark: 'Dark', system: 'System' } as const
type ThemeName = keyof typeof THEMES

const isThemeName = (value: string | undefined): value is ThemeName =>
  value !== undefined && Object.hasOwn(THEMES, value)

/**
 * The theme switch (theme.config.tsx `themeSwitch.component`): a native `<select>` under Nextra's look of
 * an icon and the theme's name.
 *
 * Nextra's own switch is a Headless UI listbox, and there are two on every page (navbar menu and sidebar).
 * Right after hydration each one re-rendered synchronously to finish Headless UI's hand-off from server
 * markup, which pulled the page's other post-hydration updates into that same long task (Lighthouse's
 * Total Blocking Time). A native select has no such hand-off, and phones and screen readers show their
 * own picker for it.
 *
 * `lite` (Nextra passes it when the sidebar is collapsed): only the icon shows; the select still covers it.
 */
export function ThemeSwitch({ lite = false }: { lite?: boolean }) {
  const { theme, resolvedTheme, setTheme } = useTheme()
  // The exported HTML cannot know the reader's stored choice: show the site's default until mounted.
  const mounted = useMounted()
  const selected: ThemeName = mounted && isThemeName(theme) ? theme : 'system'
  const Icon = mounted && resolvedTheme === 'dark' ? MoonIcon : SunIcon
  return (
    <span className={lite ? `${styles.switch} ${styles.lite}` : styles.switch}>
      <Icon aria-hidden="true" className={styles.icon} />
      <span aria-hidden="true" className={styles.name}>
        {THEMES[selected]}
      </span>
      <select
        aria-label="Change theme"
        title="Change theme"
        className={styles.select}
        value={selected}
        onChange={(event) => setTheme(event.currentTarget.value)}
      >
        {Object.entries(THEMES).map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </span>
  )
}
