// The current Node.js LTS, taken from the npm registry (the `node` package, which installs the official binary
// for this platform), for what must run on current Node while the project still supports Node 20: the
// `current-node` stage of `npm test` (./stage.mjs) and the bench's Lighthouse (Lighthouse 13 needs Node 22+).
// `npm exec` keeps it in npm's cache, so only the first call downloads it (~30 MB).
import { spawnSync } from 'node:child_process'
import { dirname } from 'node:path'

/** The Node.js major the stage and the bench use: the current LTS. */
export const CURRENT_NODE_MAJOR = 24

/**
 * The path of a Node `CURRENT_NODE_MAJOR` binary, installed from the npm registry on first use.
 * @returns {{ bin: string, version: string }}
 */
export function currentNode() {
  const result = spawnSync(
    'npm',
    [
      'exec',
      '--yes',
      `--package=node@${CURRENT_NODE_MAJOR}`,
      '--',
      'node',
      '-e',
      'process.stdout.write(JSON.stringify({ bin: process.execPath, version: process.version }))',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  )
  if (result.status !== 0) {
    throw new Error(
      `Could not get Node ${CURRENT_NODE_MAJOR} from the npm registry (npm exec --package=node@${CURRENT_NODE_MAJOR}): ${(
        result.stderr ||
        result.error?.message ||
        ''
      )
        .trim()
        .slice(-800)}`,
    )
  }
  const found = JSON.parse(result.stdout.trim().split('\n').pop())
  if (!found.version.startsWith(`v${CURRENT_NODE_MAJOR}.`))
    throw new Error(
      `npm exec --package=node@${CURRENT_NODE_MAJOR} ran Node ${found.version}, not ${CURRENT_NODE_MAJOR}.x`,
    )
  return found
}

/**
 * An environment whose `node` is the given binary: npm, npx and every `#!/usr/bin/env node` script then run on it.
 * @param {string} bin
 * @param {NodeJS.ProcessEnv} [env]
 */
export function envWithNode(bin, env = process.env) {
  return { ...env, PATH: `${dirname(bin)}:${env.PATH ?? ''}` }
}
