INSERT INTO orders (sku, quantity) VALUES ('MUG-01', 2);
INSERT INTO audit_log (event, order_id) VALUES ('order.created', 1);
