import { describe, expect, it } from 'vitest'
import { ExampleMetaError, exampleMetaSchema, resolveExampleMeta } from './schema'

const FILES = ['pages/api/todos.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql']
const minimal = {
  title: 'Todos',
  presets: [{ name: 'One request', scenario: { requests: [{ path: '/api/todos' }] } }],
  expect: { status: 200 },
}

function resolve(input: unknown) {
  return resolveExampleMeta('todos', input, FILES, 'examples/todos/meta.ts')
}

describe('example meta schema', () => {
  it('fills in defaults: every file visible, the first one active, db/* read-only, the first preset', () => {
    const meta = resolve(minimal)
    expect(meta.visibleFiles).toEqual(FILES)
    expect(meta.activeFile).toBe('pages/api/todos.ts')
    expect(meta.readOnlyFiles).toEqual(['db/schema.sql', 'db/seed.sql'])
    expect(meta.defaultPreset).toBe('One request')
    expect(meta.profiles).toEqual([])
  })

  it('documents every field for lesson authors', () => {
    const json = JSON.stringify(exampleMetaSchema.toJSONSchema?.() ?? {})
    expect(json).toContain('Shown above the lab')
    expect(json).toContain('max_connections')
  })

  it('names the file and the field when the shape is wrong', () => {
    expect(() => resolve({ ...minimal, presets: [{ name: 'x', scenario: { requests: [{ path: 'api/todos' }] } }] })).toThrow(
      /examples\/todos\/meta\.ts[\s\S]*presets\[0\]\.scenario\.requests\[0\]\.path: A request path starts with "\/"/,
    )
    expect(() => resolve({ ...minimal, tittle: 'typo' })).toThrow(ExampleMetaError)
  })

  it('lists the real files when a file name is wrong', () => {
    expect(() => resolve({ ...minimal, files: { active: 'pages/api/todo.ts' } })).toThrow(
      /files\.active: "pages\/api\/todo\.ts" is not a file of this example\. Files: pages\/api\/todos\.ts, lib\/db\.ts/,
    )
  })

  it('lists the presets when a preset name is wrong', () => {
    expect(() => resolve({ ...minimal, defaultPreset: 'Burst' })).toThrow(/defaultPreset: no preset is named "Burst"\. Presets: One request/)
  })

  it('accepts exercises with declarative checks and rejects unknown check types', () => {
    const exercise = {
      goal: 'No 5xx',
      checks: [
        { type: 'no-status-class', class: 5, label: 'No 5xx' },
        { type: 'metric-at-most', metric: 'peakConnections', value: 10, label: 'At most 10 connections' },
        { type: 'request-status', method: 'GET', path: '/api/todos/42', status: 404, label: 'Missing todo is 404' },
      ],
      hints: ['Look at the status of the last request.'],
    }
    expect(resolve({ ...minimal, exercise }).exercise?.checks).toHaveLength(3)
    expect(() => resolve({ ...minimal, exercise: { goal: 'x', checks: [{ type: 'fast', label: 'fast' }], hints: ['h'] } })).toThrow(
      /exercise\.checks\[0\]/,
    )
  })
})
