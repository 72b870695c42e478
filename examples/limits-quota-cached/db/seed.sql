INSERT INTO products (name, price_cents) VALUES
  ('Notebook', 450),
  ('Fountain pen', 3200),
  ('Ink, blue', 900);
