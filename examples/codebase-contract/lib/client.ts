import { z } from 'zod'
import { TodoSchema, type NewTodo, type Todo } from '@/lib/todo-contract'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly issues: z.core.$ZodIssue[] = [],
  ) {
    super(`Request failed with ${status}`)
  }
}

// Used by Client Components: the input type and the result type come from the contract.
export async function createTodo(input: NewTodo): Promise<Todo> {
  const response = await fetch('/api/todos', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })
  const body = await response.json()
  if (!response.ok) throw new ApiError(response.status, body.issues)
  return TodoSchema.parse(body) // a server that drifted from the contract fails here, loudly
}

export async function listTodos(): Promise<Todo[]> {
  const response = await fetch('/api/todos')
  if (!response.ok) throw new ApiError(response.status)
  return z.array(TodoSchema).parse(await response.json())
}
