CREATE TABLE orders (
  id         serial PRIMARY KEY,
  item       text NOT NULL CHECK (length(item) BETWEEN 1 AND 100),
  quantity   integer NOT NULL CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
