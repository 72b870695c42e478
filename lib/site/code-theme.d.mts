export declare const CODE_THEMES: { light: string; dark: string }
