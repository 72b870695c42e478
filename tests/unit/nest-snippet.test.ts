/**
 * The vendor lock-in lesson's NestJS snippet (a controller, a provider holding the process's one `pg`
 * Pool, a lifecycle hook closing it) is type-checked against the pinned @nestjs/common and @nestjs/core,
 * and a wrong call to Nest fails at the page line, as the other coverage packages do
 * (tests/unit/lesson-snippets.test.ts).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pageSnippets, type PageSnippet } from '@/lib/content/page-snippets'
import { typecheckSnippets } from '@/lib/examples/typecheck-snippets'

const ROOT = join(__dirname, '../..')
const LESSON = 'pages/where-they-hurt/vendor-lock-in.mdx'

describe('the NestJS snippet of the vendor lock-in lesson', () => {
  const nest = pageSnippets(ROOT).filter((snippet) => snippet.code.includes("from '@nestjs/common'"))

  it('is on the page, complete (not parse-only), with a provider, a controller and a shutdown hook', () => {
    expect(nest.map((snippet) => snippet.file)).toEqual([LESSON])
    const [snippet] = nest
    expect(snippet.meta).not.toMatch(/check=parse/)
    expect(snippet.code).toMatch(/@Injectable\(\)[\s\S]*implements OnApplicationShutdown/)
    expect(snippet.code).toMatch(/async onApplicationShutdown\(\) \{\s*await this\.pool\.end\(\)/)
    expect(snippet.code).toContain('app.enableShutdownHooks()')
    expect(snippet.code.match(/new Pool\(/g)).toHaveLength(1)
  })

  it('type-checks against the pinned @nestjs packages', () => {
    expect(typecheckSnippets(ROOT, nest).errors).toEqual([])
  }, 60_000)

  it('fails a wrong call to Nest at the page line', () => {
    const demo = (code: string): PageSnippet => ({ file: 'pages/demo.mdx', line: 10, lang: 'ts', meta: '', code })
    const { errors } = typecheckSnippets(ROOT, [
      // A hook that does not exist on the interface the class claims to implement.
      demo(
        "import { Injectable } from '@nestjs/common'\nimport type { OnApplicationShutdown } from '@nestjs/common'\n@Injectable()\nexport class Db implements OnApplicationShutdown {\n  async onAppShutdown() {}\n}",
      ),
      // NestFactory.create takes a module class, not a string.
      demo("import { NestFactory } from '@nestjs/core'\nexport const app = await NestFactory.create('AppModule')"),
    ])
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/^pages\/demo\.mdx:14:\d+ - error TS2420:/)
    expect(errors[1]).toMatch(/^pages\/demo\.mdx:12:\d+ - error TS2345:/)
  }, 60_000)
})
