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

-- Not used yet: a row per email still to send, for a cron route to drain.
CREATE TABLE email_outbox (
  id         serial PRIMARY KEY,
  recipient  text NOT NULL,
  template   text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz,
  claimed_at timestamptz
);

-- The simulated provider's outage (lib/email.ts): how many more messages it will refuse.
CREATE TABLE email_provider (
  refusals_left integer NOT NULL
);
