CREATE TABLE users (
  id         serial PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The outbox: a row per email to send, written in the same transaction as the user.
CREATE TABLE email_outbox (
  id         serial PRIMARY KEY,
  recipient  text NOT NULL,
  template   text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz,
  -- Set by the run that claims the row, so an overlapping run skips it; a claim older than ten
  -- minutes (a run that crashed before sending) can be taken again.
  claimed_at timestamptz
);
