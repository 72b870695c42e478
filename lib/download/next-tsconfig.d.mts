/** Types of next-tsconfig.mjs (plain JavaScript, see there). */
export declare const NEXT_TSCONFIG: {
  compilerOptions: Record<string, unknown> & { module: string; moduleResolution: string }
  include: string[]
  exclude: string[]
}
