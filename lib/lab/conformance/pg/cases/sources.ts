/** The sources the pg cases cite, and code several cases share. */
export const PG = 'brianc/node-postgres:packages/pg/lib/client.js'
export const POOL = 'brianc/node-postgres:packages/pg-pool/index.js'
export const RESERVED_16 = 'remaining connection slots are reserved for roles with the SUPERUSER attribute'
export const RESERVED_15 = 'remaining connection slots are reserved for non-replication superuser connections'

/** Opens clients until the server refuses one; reports how many it got and the refusal. */
export const FILL = `
const clients = []
let refusal = null
for (let i = 0; i < 40 && !refusal; i++) {
  const client = new pg.Client(url)
  client.on('error', () => {})
  try { await client.connect(); clients.push(client) } catch (e) { refusal = { code: e.code, message: e.message } }
}
for (const client of clients) await client.end()
return { opened: clients.length, refusal }
`
