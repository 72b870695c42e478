import { fileURLToPath } from 'node:url'

/** The stand-in for zod's `locales/index.js` in the browser build (see that file for why). */
export const ZOD_LOCALES_STUB = fileURLToPath(new URL('./zod-locales.mjs', import.meta.url))

/**
 * next.config.mjs's webpack hook, client build only: zod's own `../locales/index.js` (imported by
 * `zod/v4/core`, `zod/v4/classic` and `zod/v4/mini`) becomes ./zod-locales.mjs, English only.
 */
export function zodEnglishOnly(config, { isServer, webpack }) {
  if (isServer) return config
  config.plugins.push(
    new webpack.NormalModuleReplacementPlugin(/^\.\.\/locales\/index\.js$/, (resource) => {
      if (/[\\/]zod[\\/]v4[\\/](core|classic|mini)$/.test(resource.context)) resource.request = ZOD_LOCALES_STUB
    }),
  )
  return config
}
