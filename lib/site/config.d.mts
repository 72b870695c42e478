export declare const DEFAULT_REPOSITORY_URL: string
export declare function repositoryUrl(env?: Record<string, string | undefined>): string
export declare const SITE_TITLE: string
export declare const SITE_DESCRIPTION: string
export declare const DEFAULT_BRANCH: string
