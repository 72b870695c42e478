/**
 * webpack loader: replaces the placeholder `empty-database.pgdata` with the gzipped data directory
 * from `data-dir.mjs`. next.config.mjs registers it; the lab worker references the placeholder with
 * `new URL('…', import.meta.url)`, so webpack emits the snapshot under `_next/static/media/` with a
 * content hash in its name. Runs in `next build` and `next dev`, on a fresh clone too.
 */
module.exports = function snapshotLoader() {
  const callback = this.async()
  import('./data-dir.mjs')
    .then(async (generator) => {
      // A new PGlite or a changed generator makes a new snapshot (next dev picks it up too).
      this.addDependency(generator.pglitePackageJson())
      for (const file of generator.generatorFiles()) this.addDependency(file)
      return Buffer.from(await generator.snapshotBytes())
    })
    .then(
      (bytes) => callback(null, bytes),
      (error) => callback(error),
    )
}
module.exports.raw = true
