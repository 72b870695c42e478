INSERT INTO todos (title, done, priority) VALUES
  ('Read the lesson', true, 1),
  ('Press Run', false, 2),
  ('Break something on purpose', false, 2);
