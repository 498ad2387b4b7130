UPDATE accounts SET name = email
WHERE id IN (SELECT id FROM accounts WHERE name IS NULL ORDER BY id LIMIT 1000);
