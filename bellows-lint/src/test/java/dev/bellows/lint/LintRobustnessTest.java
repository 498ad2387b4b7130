package dev.bellows.lint;

import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** No input crashes or hangs the linter: random token soup, truncated files, a huge file. */
class LintRobustnessTest {

    private static final String[] WORDS = {"CREATE", "ALTER", "DROP", "TABLE", "INDEX", "CONCURRENTLY", "ON", "ADD",
            "COLUMN", "CONSTRAINT", "NOT", "NULL", "VALID", "DEFAULT", "TYPE", "USING", "RENAME", "TO", "SET", "UPDATE",
            "DELETE", "FROM", "WHERE", "LIMIT", "INSERT", "INTO", "SELECT", "VALUES", "(", ")", ",", ";", ".", "=", "<",
            "'s'", "\"q\"", "`b`", "$$ x $$", "42", "t", "c", "IF", "EXISTS", "PRIMARY", "KEY", "UNIQUE", "CHECK",
            "REFERENCES", "FOREIGN", "MODIFY", "CHANGE", "ALGORITHM", "LOCK", "BEGIN", "COMMIT", "WITH", "AS", "ENUM",
            "VALUE", "GENERATED", "ALWAYS", "IDENTITY", "--", "/*", "*/", "-- bellows:allow", "reason:", "::", "[", "]"};

    private static final String REAL = String.join("\n",
            "CREATE TABLE books (id bigserial PRIMARY KEY, title varchar(200) NOT NULL DEFAULT '', state book_state);",
            "ALTER TABLE books ADD COLUMN isbn text, ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES authors (id) NOT VALID;",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS books_isbn ON books USING btree (lower(isbn)) WHERE isbn IS NOT NULL;",
            "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;",
            "ALTER TYPE book_state ADD VALUE 'archived';",
            "UPDATE books SET isbn = '' WHERE id >= 1 AND id < 100;",
            "-- bellows:allow expand-drop-column reason: unused",
            "ALTER TABLE books DROP COLUMN legacy;");

    @Test
    void randomTokenSoupNeverCrashesOrHangs() {
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 3000; i++) {
                StringBuilder b = new StringBuilder();
                int n = 1 + random.nextInt(40);
                for (int j = 0; j < n; j++) {
                    b.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(5) == 0 ? "\n" : " ");
                }
                for (LintDialect d : LintDialect.values()) {
                    for (Phase p : Phase.values()) {
                        LintReport r = Linter.lintSql(b.toString(), "soup.sql", p, LintOptions.of(d));
                        assertThat(r).isNotNull();
                    }
                }
            }
        });
    }

    @Test
    void everyTruncationOfARealFileIsHandled() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int cut = 0; cut <= REAL.length(); cut++) {
                for (LintDialect d : LintDialect.values()) {
                    LintReport r = Linter.lintSql(REAL.substring(0, cut), "cut.sql", Phase.EXPAND, LintOptions.of(d));
                    assertThat(r).isNotNull();
                }
            }
        });
    }

    @Test
    void aHugeFileIsLintedInBoundedTime() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("ALTER TABLE t").append(i % 50).append(" ADD COLUMN c").append(i).append(" int;\n");
            b.append("CREATE INDEX CONCURRENTLY i").append(i).append(" ON t").append(i % 50).append(" (c").append(i)
                    .append(");\n");
        }
        b.append("SELECT ").append("(".repeat(5000)).append("1").append(")".repeat(5000)).append(";\n");
        b.append("ALTER TABLE t ADD COLUMN x int DEFAULT ").append("1 + ".repeat(50_000)).append("1;\n");
        b.append("WITH a AS (SELECT 1) ".repeat(50_000)).append("SELECT 1;\n");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            LintReport r = Linter.lintSql(b.toString(), "huge.sql", Phase.EXPAND, LintOptions.of(LintDialect.POSTGRESQL));
            assertThat(r.statements()).isEqualTo(40_003);
            assertThat(r.errors()).isZero();
            assertThat(r.warnings()).isEqualTo(1); // the WITH chain is reported as unrecognized
        });
    }
}
