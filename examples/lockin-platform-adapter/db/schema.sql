CREATE TABLE orders (
  id         serial PRIMARY KEY,
  sku        text NOT NULL,
  quantity   integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id          serial PRIMARY KEY,
  event       text NOT NULL,
  order_id    integer NOT NULL REFERENCES orders (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
