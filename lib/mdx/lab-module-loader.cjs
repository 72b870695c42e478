// webpack loader behind `import("!!lab-module-loader.cjs?meta=<base64url JSON>!examples/<id>/meta.ts")`
// (written by lib/mdx/remark-lab.mjs). It emits one module with the example's meta, exactly as the
// MDX plugin resolved it for the page's static HTML, and the example's files (lib/examples/files-loader.cjs).
// The page's JavaScript carries neither: the idle lab is static HTML, and the interactive lab gets both in
// this one lazy chunk per example.
const FILES_LOADER = require.resolve('../examples/files-loader.cjs')

module.exports = function labModuleLoader() {
  const { meta } = this.getOptions()
  const json = Buffer.from(meta, 'base64url').toString('utf8')
  JSON.parse(json) // fail the build here, not in the browser, on a damaged request
  const files = `!!${FILES_LOADER}!${this.resourcePath}`
  return `export { default } from ${JSON.stringify(files)};\nexport const meta = ${json};\n`
}
