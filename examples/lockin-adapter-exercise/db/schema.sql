CREATE TABLE messages (
  id         serial PRIMARY KEY,
  email      text NOT NULL,
  body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notifications (
  id         serial PRIMARY KEY,
  message_id integer NOT NULL REFERENCES messages (id),
  channel    text NOT NULL,
  sent_at    timestamptz NOT NULL DEFAULT now()
);
