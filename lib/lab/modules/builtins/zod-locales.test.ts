import { describe, expect, it } from 'vitest'
import * as realLocales from 'zod/v4/locales'
import * as stub from './zod-locales.mjs'

describe("zod's locales in the browser build (zod-locales.mjs)", () => {
  it('name every locale zod has, so a zod upgrade cannot leave one undefined', () => {
    expect(Object.keys(stub).sort()).toEqual(Object.keys(realLocales).sort())
  })

  it('keep English, zod’s default, and say so for any other', () => {
    expect(stub.en).toBe(realLocales.en)
    expect(() => stub.fr()).toThrow(
      'The lab loads zod with its English messages only: z.locales.fr() is not available here.',
    )
  })
})
