ALTER TABLE books ADD price_cents integer NULL;
