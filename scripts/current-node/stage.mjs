#!/usr/bin/env node
// The `current-node` stage of `npm test`: the project on the current Node.js LTS (./node.mjs), as a contributor
// who arrives with it would use it. In a copy of the working tree (the files git tracks or would track, so the
// developer's node_modules, .next and out/ stay as they are): `npm ci`, `npm run build`, then the unit tests.
// Node 20 stays the version the other stages run on; this stage catches a break on current Node. The copy has
// no git history, so Nextra warns that it cannot read the pages' git dates; the build does not need them.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, lstatSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CURRENT_NODE_MAJOR, currentNode, envWithNode } from './node.mjs'

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..')
/** Outside the repository, so lint, Prettier and tsc never see the copy. */
const WORK = process.env.CURRENT_NODE_WORK ?? join(tmpdir(), `robust-apis-node${CURRENT_NODE_MAJOR}`)

function copyWorkingTree() {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${ROOT}: ${listed.stderr.trim()}`)
  rmSync(WORK, { recursive: true, force: true })
  let count = 0
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = join(ROOT, file)
    if (!existsSync(from) || lstatSync(from).isDirectory()) continue // deleted in the working tree, or a submodule
    mkdirSync(dirname(join(WORK, file)), { recursive: true })
    copyFileSync(from, join(WORK, file))
    count++
  }
  return count
}

function step(label, command, args, env) {
  return new Promise((resolvePromise, reject) => {
    const started = Date.now()
    console.log(`\n▷ ${label}: ${command} ${args.join(' ')}`)
    const child = spawn(command, args, { cwd: WORK, env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (code === 0) {
        console.log(`▷ ${label} passed (${seconds} s)`)
        resolvePromise()
      } else
        reject(new Error(`${label} failed on Node ${CURRENT_NODE_MAJOR} (${code ?? signal}, ${seconds} s): see above`))
    })
  })
}

async function main() {
  const node = currentNode()
  console.log(`Node ${node.version} from the npm registry: ${node.bin}`)
  const files = copyWorkingTree()
  console.log(`Copied the working tree (${files} files) to ${WORK}`)
  const env = envWithNode(node.bin, { ...process.env, NEXT_TELEMETRY_DISABLED: '1' })
  // --prefer-offline: the packages are the lockfile's, already in npm's cache after the main install.
  await step('install', 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], env)
  await step('build', 'npm', ['run', 'build'], env)
  await step('unit', 'npx', ['vitest', 'run'], env)
  if (!process.env.KEEP_CURRENT_NODE_WORK) rmSync(WORK, { recursive: true, force: true })
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`)
  process.exit(1)
})
