import { describe, expect, it } from 'vitest'
import { listExamples, loadExample } from '@/lib/examples/load'

describe('example loader', () => {
  it('loads and validates every example folder', async () => {
    const ids = listExamples()
    expect(ids).toContain('playground')
    for (const id of ids) {
      const example = await loadExample(id)
      expect(example.meta.visibleFiles.length).toBeGreaterThan(0)
      expect(example.files[example.meta.activeFile]).toBeTruthy()
      expect(example.hash).toMatch(/^[0-9a-f]{16}$/)
    }
  })

  it('says which examples exist when an id is wrong', async () => {
    await expect(loadExample('no-such-example')).rejects.toThrow(/Available examples: .*playground/)
  })
})
