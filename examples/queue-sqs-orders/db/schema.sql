CREATE TABLE orders (
  id         serial PRIMARY KEY,
  email      text NOT NULL,
  total      integer NOT NULL,
  status     text NOT NULL DEFAULT 'queued',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Written by the email provider stand-in (lib/email.ts): one row per receipt that really went out.
CREATE TABLE receipts_sent (
  id       serial PRIMARY KEY,
  order_id integer NOT NULL,
  email    text NOT NULL,
  sent_at  timestamptz NOT NULL DEFAULT now()
);
