-- Query manifest of release 1.3: the statements it sends (captured from the application's tests by the Bellows JUnit extension).
-- One entry per distinct statement, sorted; '-- sent N' is how often it was sent, 'params' the JDBC
-- types bound. `bellows verify` prepares each against every schema of the rolling upgrade.

-- sent 42 | params VARCHAR, VARCHAR, BIGINT, VARCHAR, VARCHAR
INSERT INTO titles (title, sort_title, stock_count, isbn, tagline) VALUES (?, lower(?), ?, ?, ?);

-- sent 33 | params VARCHAR
SELECT id, title FROM titles WHERE sort_title >= ? ORDER BY sort_title LIMIT 10;

-- sent 81 | params BIGINT
SELECT id, title, sort_title, stock_count, isbn, tagline FROM titles WHERE id = ?;

-- sent 26 | params BIGINT, BIGINT
UPDATE titles SET stock_count = ? WHERE id = ?;

-- sent 18 | params VARCHAR, BIGINT
UPDATE titles SET tagline = ? WHERE id = ?;
