-- 240 open invoices for December 2025.
INSERT INTO invoices (month, customer, amount_cents)
SELECT '2025-12', 'customer-' || n, 1000 + (n * 37) % 9000
FROM generate_series(1, 240) AS n;
