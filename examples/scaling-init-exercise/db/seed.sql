INSERT INTO tax_rates (region, rate) VALUES
  ('GB', 0.2000),
  ('DE', 0.1900),
  ('FR', 0.2000),
  ('IE', 0.2300);

INSERT INTO products (sku, name, price) VALUES
  ('MUG-01', 'Enamel mug', 12.00),
  ('TEE-02', 'Organic T-shirt', 25.00);
