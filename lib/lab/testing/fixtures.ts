/** Small file trees shared by the engine's tests. */
import type { FileTree } from '../types'

export const TODOS_SCHEMA = `
create table todos (
  id serial primary key,
  title text not null unique,
  done boolean not null default false,
  created_at timestamptz not null default now()
);`

export const TODOS_SEED = `insert into todos (title) values ('Buy milk'), ('Write lesson'), ('Ship it');`

export function tree(files: FileTree): FileTree {
  return { 'db/schema.sql': TODOS_SCHEMA, 'db/seed.sql': TODOS_SEED, ...files }
}

/** A Pages API route that opens a new Pool on every request (the lessons' anti-pattern). */
export const POOL_PER_REQUEST = tree({
  'pages/api/todos.ts': `
import type { NextApiRequest, NextApiResponse } from 'next'
import { Pool } from 'pg'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL })
  try {
    const { rows } = await pool.query('select id, title from todos order by id')
    res.status(200).json(rows)
  } catch (error: any) {
    res.status(500).json({ error: error.message, code: error.code })
  }
}
`,
})

/** The same route with one module-scope pool of max 2. */
export const MODULE_POOL = tree({
  'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool({ max: 2 })\n`,
  'pages/api/todos.ts': `
import { pool } from '@/lib/db'
export default async function handler(req, res) {
  try {
    const { rows } = await pool.query('select id, title from todos order by id')
    res.status(200).json(rows)
  } catch (error: any) {
    res.status(500).json({ error: error.message, code: error.code })
  }
}
`,
})

/** A route handler that runs `sql` with the POSTed `values` and answers its rows, or its error. */
export const QUERY_ROUTE = (sql: string) =>
  tree({
    'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool()\n`,
    'app/api/q/route.ts': `
import { pool } from '@/lib/db'
export async function POST(request: Request) {
  const { values } = await request.json()
  try {
    const result = await pool.query(${JSON.stringify(sql)}, values)
    return Response.json({ rows: result.rows, rowCount: result.rowCount, command: result.command })
  } catch (error: any) {
    return Response.json({ message: error.message, code: error.code, name: error.name }, { status: 500 })
  }
}
`,
  })
