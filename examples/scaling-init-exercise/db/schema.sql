CREATE TABLE tax_rates (
  region text PRIMARY KEY,
  rate   numeric(5, 4) NOT NULL CHECK (rate >= 0 AND rate < 1)
);

CREATE TABLE products (
  sku   text PRIMARY KEY,
  name  text NOT NULL,
  price numeric(10, 2) NOT NULL CHECK (price > 0)
);
