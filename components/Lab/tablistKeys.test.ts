import { expect, it } from 'vitest'
import { tabIndexForKey } from './tablistKeys'

it('moves with wrap-around, jumps with Home and End, and ignores other keys', () => {
  expect(tabIndexForKey('ArrowRight', 3, 4)).toBe(0)
  expect(tabIndexForKey('ArrowLeft', 0, 4)).toBe(3)
  expect(tabIndexForKey('Home', 2, 4)).toBe(0)
  expect(tabIndexForKey('End', 0, 4)).toBe(3)
  expect(tabIndexForKey('Enter', 1, 4)).toBe(-1)
})
