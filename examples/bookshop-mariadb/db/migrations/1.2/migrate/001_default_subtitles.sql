UPDATE books
SET subtitle = ''
WHERE subtitle IS NULL
ORDER BY id
LIMIT 2000;
