INSERT INTO todos (title, done) VALUES
  ('Read the lesson', true),
  ('Press Run', false),
  ('Break something on purpose', false);
