// webpack loader that lib/mdx/lab-module-loader.cjs chains onto `examples/<id>/meta.ts` (the
// request lib/mdx/remark-lab.mjs writes for each lab). It ignores meta.ts itself and emits the
// example's source files as one module, part of the example's own lazy chunk: the sources reach
// the browser only when a lab becomes interactive, never in a page's first-load JS.
const { dirname } = require('node:path')
const { pathToFileURL } = require('node:url')

module.exports = function exampleFilesLoader() {
  const callback = this.async()
  const exampleDir = dirname(this.resourcePath)
  // Edits to any file of the example rebuild the chunk in `next dev`.
  this.addContextDependency(exampleDir)
  import(pathToFileURL(require.resolve('./read-files.mjs')).href)
    .then(({ readExampleFiles }) => {
      const { files, solution } = readExampleFiles(exampleDir)
      callback(null, `export default ${JSON.stringify({ files, solution })};`)
    })
    .catch((error) => callback(error))
}
