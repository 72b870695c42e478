export const SYNTAX_TOKENS: readonly string[]
export function syntaxVar(token: string): string
export const labShikiTheme: {
  name: string
  type: 'light' | 'dark'
  colors: Record<string, string>
  tokenColors: Array<{ scope: string[]; settings: { foreground?: string; fontStyle?: string } }>
}
export function languageOf(path: string): string
export const LINE_HEIGHT_PX: number
export const MAX_VISIBLE_LINES: number
export const TAB_BAR_HEIGHT_PX: number
export const EDITOR_PADDING_PX: number
export function codeAreaHeight(source: string): number
