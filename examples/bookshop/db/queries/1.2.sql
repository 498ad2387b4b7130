-- Query manifest of release 1.2: the statements it sends (captured from the application's tests by the Bellows JUnit extension).
-- One entry per distinct statement, sorted; '-- sent N' is how often it was sent, 'params' the JDBC
-- types bound. `bellows verify` prepares each against every schema of the rolling upgrade.

-- sent 35 | params VARCHAR, INTEGER, VARCHAR, VARCHAR
INSERT INTO titles (title, stock, isbn, subtitle) VALUES (?, ?, ?, ?);

-- sent 107 | params BIGINT
SELECT id, title, stock, isbn, subtitle FROM titles WHERE id = ?;

-- sent 41 | params INTEGER, BIGINT
UPDATE titles SET stock = ? WHERE id = ?;

-- sent 17 | params VARCHAR, BIGINT
UPDATE titles SET subtitle = ? WHERE id = ?;
