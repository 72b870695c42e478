import { z } from 'zod'

export const TodoInput = z.object({
  title: z.string().trim().min(1, 'title is required').max(200),
  done: z.boolean().default(false),
})

export const TodoPatch = TodoInput.partial()

export const TodoId = z.coerce.number().int().positive()

export type Todo = { id: number; title: string; done: boolean; created_at: string }
