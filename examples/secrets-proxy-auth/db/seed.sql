INSERT INTO users (name) VALUES ('Alice'), ('Bob');
INSERT INTO sessions (token, user_id) VALUES ('alice-session-token', 1), ('bob-session-token', 2);
INSERT INTO todos (user_id, title, done) VALUES
  (1, 'Buy milk', false),
  (1, 'Renew passport', true),
  (1, 'Call the bank', false),
  (2, 'Bob''s salary review', false),
  (2, 'Bob''s medical results', false);
