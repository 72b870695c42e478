/**
 * The WAI-ARIA tabs pattern's keys: arrows move with wrap-around, Home and End jump to the ends.
 * Returns the index of the tab to select, or -1 when the key is not one of them.
 */
export function tabIndexForKey(key: string, current: number, count: number): number {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count
    case 'ArrowLeft':
      return (current + count - 1) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return -1
  }
}
