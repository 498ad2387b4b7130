package dev.bellows.sql;

import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The splitter's pieces of a script with stored routines written without {@code DELIMITER} run on
 * a real MariaDB server one by one, as the runner sends them: the routines exist and behave.
 */
class MysqlCompoundSplitTest {

    private static final String SCRIPT = """
            CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL);
            INSERT INTO counter VALUES (1, 0);
            CREATE PROCEDURE bump(IN times INT)
            BEGIN
              DECLARE i INT DEFAULT 0;
              WHILE i < times DO
                UPDATE counter SET n = n + 1 WHERE id = 1;
                SET i = i + 1;
              END WHILE;
              IF times > 2 THEN
                UPDATE counter SET n = n + 100 WHERE id = 1;
              END IF;
            END;
            CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC
            BEGIN
              RETURN CASE WHEN x IS NULL THEN 0 ELSE x * 2 END;
            END;
            CREATE TRIGGER counter_guard BEFORE UPDATE ON counter FOR EACH ROW
            BEGIN
              IF NEW.n < 0 THEN
                SET NEW.n = 0;
              END IF;
            END;
            CALL bump(3);
            """;

    @Test
    void routinesWithoutDelimiterRunOnMariaDb() throws Exception {
        List<SqlStatement> statements = SqlSplitter.split(SCRIPT, SqlSyntax.MYSQL).statements();
        assertThat(statements).hasSize(6);
        TestDatabase db = Databases.mariadb();
        db.execute(statements.stream().map(SqlStatement::sql).toArray(String[]::new));
        assertThat(db.count("SELECT n FROM counter WHERE id = 1")).isEqualTo(103);
        assertThat(db.count("SELECT twice(21)")).isEqualTo(42);
        db.execute("UPDATE counter SET n = -5");
        assertThat(db.count("SELECT n FROM counter")).isZero();
    }
}
