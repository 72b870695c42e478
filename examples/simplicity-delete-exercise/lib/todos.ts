import { z } from 'zod'

// One schema per input: the route validates with it, and the type comes for free.
export const NewTodo = z.object({
  title: z.string().trim().min(1, 'title is required').max(200),
  done: z.boolean().default(false),
})

export const TodoId = z.coerce.number().int().positive()

export type Todo = { id: number; title: string; done: boolean }
