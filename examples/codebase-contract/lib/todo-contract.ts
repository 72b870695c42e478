import { z } from 'zod'

// The one description of a todo, shared by the route handler and the client helper.
export const TodoSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  done: z.boolean(),
})
export type Todo = z.infer<typeof TodoSchema>

// What a client may send to create one.
export const NewTodoSchema = z.object({
  title: z.string().trim().min(1).max(200),
})
export type NewTodo = z.infer<typeof NewTodoSchema>
