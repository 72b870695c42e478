INSERT INTO todos (title, done) VALUES
  ('Read about connection pooling', true),
  ('Count your instances', false),
  ('Check max_connections', false);
