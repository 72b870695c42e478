CREATE TABLE orders (
  id         serial PRIMARY KEY,
  email      text NOT NULL,
  total      integer NOT NULL,
  status     text NOT NULL DEFAULT 'queued',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per credit. Nothing here stops a second credit for the same order.
CREATE TABLE loyalty_points (
  id         serial PRIMARY KEY,
  order_id   integer NOT NULL,
  points     integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- For the consumer to record what it has processed: one row per SQS MessageId.
CREATE TABLE processed_messages (
  message_id   text PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);
