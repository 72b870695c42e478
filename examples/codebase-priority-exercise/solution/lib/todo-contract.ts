import { z } from 'zod'

// 1 = high, 2 = normal, 3 = low. One definition, used by the schema for input and for output.
const Priority = z.number().int().min(1).max(3)

// The one description of a todo, shared by the route handler and the client helper.
export const TodoSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  done: z.boolean(),
  priority: Priority,
})
export type Todo = z.infer<typeof TodoSchema>

// What a client may send to create one. Leaving priority out means normal (2).
export const NewTodoSchema = z.object({
  title: z.string().trim().min(1).max(200),
  priority: Priority.default(2),
})
export type NewTodo = z.input<typeof NewTodoSchema>
