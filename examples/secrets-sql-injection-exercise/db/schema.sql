CREATE TABLE users (
  id   serial PRIMARY KEY,
  name text NOT NULL
);
CREATE TABLE sessions (
  token   text PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id)
);
CREATE TABLE todos (
  id      serial PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  title   text NOT NULL,
  done    boolean NOT NULL DEFAULT false
);
