CREATE TABLE users (
  id         serial PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Written by the email provider stand-in (lib/email.ts): one row per email that really went out.
CREATE TABLE emails_sent (
  id       serial PRIMARY KEY,
  user_id  integer NOT NULL,
  email    text NOT NULL,
  sent_at  timestamptz NOT NULL DEFAULT now()
);
