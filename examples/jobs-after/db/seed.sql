INSERT INTO users (email) VALUES ('first@example.com');
INSERT INTO emails_sent (recipient, template) VALUES ('first@example.com', 'welcome');
