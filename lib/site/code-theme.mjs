// One pair of Shiki themes for every piece of code on the site: Nextra's code blocks, the labs' static
// highlight and the editor. The high-contrast variants keep comments and punctuation above WCAG AA (4.5:1)
// on the theme's code background, which the default github-light comment colour does not.
export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }
