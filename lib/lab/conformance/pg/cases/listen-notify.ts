/**
 * pg conformance cases for LISTEN / NOTIFY between two sessions (lib/lab/database/notifications.ts).
 * Plain JavaScript, as every case (see schema.ts); run on the lab and on real pg + PostgreSQL.
 */
import type { PgCase } from '../schema'

export const listenNotifyCases: PgCase[] = [
  {
    id: 'listen-notify-across-sessions',
    title: "A NOTIFY reaches another session's LISTEN as a 'notification' event, at COMMIT, folded, not after ROLLBACK",
    source:
      'https://www.postgresql.org/docs/current/sql-notify.html; brianc/node-postgres:packages/pg/lib/client.js (notification)',
    code: `
const listener = new pg.Client(url)
const sender = new pg.Client(url)
await listener.connect()
await sender.connect()
const received = []
listener.on('notification', (msg) => received.push({ channel: msg.channel, payload: msg.payload, processId: typeof msg.processId }))
await listener.query('LISTEN chat')
await sender.query("NOTIFY chat, 'hello'")
await sender.query("SELECT pg_notify('chat', 'from pg_notify')")
await sender.query('BEGIN')
await sender.query("NOTIFY chat, 'rolled back'")
await sender.query('ROLLBACK')
await sender.query('BEGIN')
await sender.query("NOTIFY chat, 'committed'")
const beforeCommit = received.length
await sender.query("NOTIFY chat, 'committed'")
await sender.query("NOTIFY other, 'nobody listens'")
await sender.query('COMMIT')
await sleep(50)
const unlisten = await listener.query('UNLISTEN chat')
await sender.query("NOTIFY chat, 'after UNLISTEN'")
await sleep(50)
await listener.end()
await sender.end()
return { beforeCommit, received, unlisten: unlisten.command }
`,
    expect: {
      beforeCommit: 2,
      received: [
        { channel: 'chat', payload: 'hello', processId: 'number' },
        { channel: 'chat', payload: 'from pg_notify', processId: 'number' },
        { channel: 'chat', payload: 'committed', processId: 'number' },
      ],
      unlisten: 'UNLISTEN',
    },
  },
  {
    id: 'notify-from-trigger-to-two-listeners',
    title: 'pg_notify() in a trigger reaches every listening session; a quoted channel keeps its case',
    source: 'https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-PG-NOTIFY',
    setup: `CREATE TABLE messages (id serial PRIMARY KEY, body text NOT NULL);
CREATE FUNCTION announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('Room', NEW.body); RETURN NEW; END $$;
CREATE TRIGGER messages_announce AFTER INSERT ON messages FOR EACH ROW EXECUTE FUNCTION announce();`,
    code: `
const a = new pg.Client(url)
const b = new pg.Client(url)
const writer = new pg.Client(url)
await Promise.all([a.connect(), b.connect(), writer.connect()])
const got = { a: [], b: [] }
a.on('notification', (msg) => got.a.push(msg.channel + ':' + msg.payload))
b.on('notification', (msg) => got.b.push(msg.channel + ':' + msg.payload))
await a.query('LISTEN "Room"')
await b.query('LISTEN Room')
await writer.query('INSERT INTO messages (body) VALUES ($1), ($2)', ['hi', 'there'])
await sleep(50)
await Promise.all([a.end(), b.end(), writer.end()])
return got
`,
    expect: { a: ['Room:hi', 'Room:there'], b: [] },
  },
]
