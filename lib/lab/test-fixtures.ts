/** Small file trees shared by the engine's tests. */
import type { FileTree } from './types'

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
