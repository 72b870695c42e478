/**
 * Stands in for Sandpack's preview clients (its Node, static and runtime bundler clients) in the site's
 * build: the course uses Sandpack as an editor only and never starts a preview, so these clients (and the
 * MIME database two of them carry, ~45 kB gzip) are not built. next.config.mjs swaps them for this module.
 */
function previewIsNotBuilt() {
  throw new Error(
    'Sandpack previews are not part of this course: it uses Sandpack as an editor only, and next.config.mjs ' +
      '(leaveOutSandpackPreview) does not build the preview clients. Run code in the lab instead.',
  )
}

export class SandpackNode {
  constructor() {
    previewIsNotBuilt()
  }
}
export class SandpackStatic {
  constructor() {
    previewIsNotBuilt()
  }
}
export class SandpackRuntime {
  constructor() {
    previewIsNotBuilt()
  }
}
