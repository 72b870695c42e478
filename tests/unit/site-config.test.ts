import { describe, expect, it } from 'vitest'
import { DEFAULT_REPOSITORY_URL, repositoryUrl } from '@/lib/site/config.mjs'
import { findChromium, INSTALL_HINT } from '@/scripts/find-chromium.mjs'

describe('repositoryUrl', () => {
  it('defaults to the course repository', () => {
    expect(repositoryUrl({})).toBe(DEFAULT_REPOSITORY_URL)
  })

  it('follows COURSE_REPOSITORY_URL so forks link to themselves, without a trailing slash', () => {
    expect(repositoryUrl({ COURSE_REPOSITORY_URL: ' https://github.com/someone/fork/ ' })).toBe(
      'https://github.com/someone/fork',
    )
  })

  it('ignores an empty override', () => {
    expect(repositoryUrl({ COURSE_REPOSITORY_URL: '  ' })).toBe(DEFAULT_REPOSITORY_URL)
  })
})

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it points at a file', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({
      executablePath: process.execPath,
      source: 'CHROMIUM_PATH',
    })
  })

  it('says what is wrong when CHROMIUM_PATH points nowhere', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow(/CHROMIUM_PATH.*\/nowhere\/chromium/)
  })

  it('tells a reader how to install a browser', () => {
    expect(INSTALL_HINT).toMatch(/apt-get install -y chromium/)
    expect(INSTALL_HINT).toMatch(/npx playwright install chromium/)
  })
})
