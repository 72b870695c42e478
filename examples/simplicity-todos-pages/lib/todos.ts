import { z } from 'zod'

// One schema per input: the route validates with it, and the type comes for free.
export const NewTodo = z.object({
  title: z.string().trim().min(1, 'title is required').max(200),
  done: z.boolean().default(false),
})

// The id column is `serial` (a 4-byte integer): a larger number would reach Postgres and fail there with
// 22003 (out of range for type integer), a 500. Bounding the schema by the column type makes it a 400.
export const TodoId = z.coerce.number().int().positive().max(2_147_483_647, 'id is out of range')

export type Todo = { id: number; title: string; done: boolean }
