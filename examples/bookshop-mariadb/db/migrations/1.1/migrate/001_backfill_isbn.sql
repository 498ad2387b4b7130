-- One bounded batch; Bellows repeats it until it changes no rows, committing each batch.
UPDATE books
SET isbn = CONCAT('ISBN-', legacy_code)
WHERE isbn IS NULL AND legacy_code IS NOT NULL
ORDER BY id
LIMIT 1000;
