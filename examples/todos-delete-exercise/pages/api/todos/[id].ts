import type { NextApiRequest, NextApiResponse } from 'next'
import { pool } from '@/lib/db'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const id = Number(req.query.id)
  // The id column is a 4-byte integer: anything above 2147483647 would fail in Postgres (22003), a 500.
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) {
    return res.status(400).json({ error: 'id must be a positive integer' })
  }

  if (req.method === 'GET') {
    const { rows } = await pool.query('SELECT id, title, done FROM todos WHERE id = $1', [id])
    if (rows.length === 0) return res.status(404).json({ error: 'Not found' })
    return res.status(200).json(rows[0])
  }

  // TODO: handle DELETE. Answer 204 when a row was deleted, 404 when there was none.

  res.setHeader('Allow', 'GET')
  return res.status(405).json({ error: `Method ${req.method} not allowed` })
}
