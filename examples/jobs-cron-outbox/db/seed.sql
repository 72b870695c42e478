INSERT INTO users (email) VALUES ('first@example.com');
INSERT INTO email_outbox (recipient, template, sent_at) VALUES ('first@example.com', 'welcome', now());
