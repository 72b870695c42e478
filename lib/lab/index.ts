/** The lab engine's public API. See lib/lab/README.md. */
export { createEngine, runScenario, type Engine, type EngineOptions } from './engine'
export { LabDatabase } from './database/pglite'
export { DEFAULT_PLATFORM, DEFAULT_DATABASE, BUDGETS, resolveSettings } from './settings'
export { formatSummaryLine, formatDuration } from './scenario/summary'
export type * from './types'
