/**
 * Fills that carry meaning without colour, for colour-blind readers: failed work is hatched, a lock
 * wait is dotted, a frozen instance is lightly cross-hatched (as the lessons' hand-drawn diagrams
 * draw it: a grey band with an outline), connections in use are dotted. Ids are per drawing, so two labs on a page never collide.
 */
export interface PatternIds {
  failed: string
  refused: string
  lock: string
  inUse: string
}

export function patternIds(prefix: string): PatternIds {
  const safe = prefix.replace(/[^a-zA-Z0-9_-]/g, '')
  return { failed: `${safe}-failed`, refused: `${safe}-refused`, lock: `${safe}-lock`, inUse: `${safe}-in-use` }
}

export function Patterns({ ids }: { ids: PatternIds }) {
  return (
    <defs>
      <pattern id={ids.failed} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="var(--tl-failed)" />
        <rect width="2.5" height="6" fill="var(--tl-failed-stripe)" />
      </pattern>
      <pattern id={ids.refused} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <rect width="5" height="5" fill="var(--tl-refused-bg)" />
        <rect width="2" height="5" fill="var(--tl-failed)" />
      </pattern>
      <pattern id={ids.lock} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="var(--tl-lock)" />
        <circle cx="2.5" cy="2.5" r="1" fill="var(--tl-lock-edge)" />
      </pattern>
      <pattern id={ids.inUse} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill="var(--tl-in-use)" />
        <circle cx="2" cy="2" r="0.9" fill="var(--lab-surface-2)" />
      </pattern>
    </defs>
  )
}
