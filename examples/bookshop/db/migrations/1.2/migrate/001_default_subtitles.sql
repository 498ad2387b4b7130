UPDATE titles
SET subtitle = ''
WHERE id IN (SELECT id FROM titles WHERE subtitle IS NULL ORDER BY id LIMIT 2000);
