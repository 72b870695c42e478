export declare const INLINE_SCRIPT_HASHES: string[]
export declare const PAGE_CSP_DIRECTIVES: Record<string, string[]>
export declare const WORKER_CSP_DIRECTIVES: Record<string, string[]>
export declare const PAGE_CSP: string
export declare const WORKER_CSP: string
export declare const STATIC_PREFIX: string
export declare const PAGE_HEADERS: Record<string, string>
export declare const STATIC_HEADERS: Record<string, string>
export declare function headersFor(pathname: string): Record<string, string>
export declare function headersFile(): string
export declare function vercelJson(): string
export declare function inlineScriptHashes(html: string): string[]
export declare function exportInlineScriptHashes(root?: string): Map<string, string[]>
export declare const REPO_ROOT: string
