export declare const CHROMIUM_ARGS: string[]
export declare const INSTALL_HINT: string
export declare function findChromium(
  env?: Record<string, string | undefined>,
): { executablePath: string; source: 'CHROMIUM_PATH' | 'PATH' | 'playwright' } | null
