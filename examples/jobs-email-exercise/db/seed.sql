INSERT INTO users (email) VALUES ('first@example.com');
INSERT INTO emails_sent (recipient, template) VALUES ('first@example.com', 'welcome');
INSERT INTO email_provider (refusals_left) VALUES (2);
