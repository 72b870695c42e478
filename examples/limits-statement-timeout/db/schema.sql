CREATE TABLE invoices (
  id           serial PRIMARY KEY,
  month        text NOT NULL,
  customer     text NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  tax_cents    integer,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  paid         boolean NOT NULL DEFAULT false
);
