CREATE TABLE todos (
  id    serial PRIMARY KEY,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  done  boolean NOT NULL DEFAULT false
);
