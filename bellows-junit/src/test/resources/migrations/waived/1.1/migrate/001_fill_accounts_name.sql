-- bellows:allow migrate-unbounded-dml reason: accounts holds a handful of rows
UPDATE accounts SET name = email WHERE name IS NULL;
