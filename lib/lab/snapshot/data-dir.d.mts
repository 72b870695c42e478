export declare function pglitePackageJson(): string
export declare function generatorFiles(): string[]
export declare function snapshotCacheFile(): string
export declare function createSnapshot(): Promise<Uint8Array>
export declare function snapshotBytes(cacheFile?: string): Promise<Uint8Array>
