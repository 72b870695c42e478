CREATE TABLE orders (
  id         serial PRIMARY KEY,
  email      text NOT NULL,
  total      integer NOT NULL,
  status     text NOT NULL DEFAULT 'queued',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per invoice the consumer stored. Nothing stops a second row for the same order.
CREATE TABLE invoices (
  id         serial PRIMARY KEY,
  order_id   integer NOT NULL,
  email      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
