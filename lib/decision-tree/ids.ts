/**
 * The ids the widget, the URL and the tests share. Kept apart from `schema.ts` so the browser bundle
 * can use them without pulling in zod, which only the tests need.
 */
export const QUESTION_IDS = ['Y1', 'Y2', 'Y3', 'N1', 'N2', 'N3'] as const
export const VERDICT_IDS = ['yes', 'yes-with-care', 'no'] as const
/** The terminal node every path through the tree ends in; the rules turn the collected answers into a verdict there. */
export const VERDICT_NODE = 'verdict' as const
