CREATE TABLE users (
  id         serial PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The proof that an email went out: the provider call succeeded and we logged it.
CREATE TABLE emails_sent (
  id        serial PRIMARY KEY,
  recipient text NOT NULL,
  template  text NOT NULL,
  sent_at   timestamptz NOT NULL DEFAULT now()
);
