package dev.bellows.db;

import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDialectTest {

    static SqlStatement parse(String sql) {
        return SqlSplitter.split(sql, SqlSyntax.POSTGRESQL).statements().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX CONCURRENTLY i ON t (a)                    | false",
            "create unique index concurrently if not exists i on t(a) | false",
            "DROP INDEX CONCURRENTLY IF EXISTS i                      | false",
            "REINDEX INDEX CONCURRENTLY i                             | false",
            "REINDEX SCHEMA public                                    | false",
            "REINDEX TABLE t                                          | true",
            "VACUUM (ANALYZE) t                                       | false",
            "ALTER TABLE p DETACH PARTITION c CONCURRENTLY            | false",
            "CREATE INDEX i ON t (a)                                  | true",
            "ALTER TABLE t ADD COLUMN concurrently int                | true",
            "ALTER TABLE t DETACH PARTITION c                         | true",
            "UPDATE t SET a = 1                                       | true",
            "SELECT 'CREATE INDEX CONCURRENTLY'                       | true"})
    void knowsWhatCannotRunInATransaction(String sql, boolean transactional) {
        assertThat(new PostgresDialect().canRunInTransaction(parse(sql))).as(sql).isEqualTo(transactional);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX CONCURRENTLY books_isbn_idx ON books (isbn)            | books_isbn_idx",
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Odd\" ON t (a)      | Odd",
            "CREATE INDEX CONCURRENTLY app.i2 ON app.t (a)                       | i2",
            "CREATE INDEX CONCURRENTLY ON t (a)                                  | ''",
            "CREATE INDEX i ON t (a)                                             | ''"})
    void findsTheNameOfAConcurrentIndexBuild(String sql, String name) {
        Optional<String> expected = name.isEmpty() ? Optional.empty() : Optional.of(name);
        assertThat(PostgresDialect.concurrentIndexName(parse(sql))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX CONCURRENTLY i ON t (a)                       | \"i\"",
            "CREATE INDEX CONCURRENTLY i ON app.t (a)                   | \"app\".\"i\"",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS app.i ON app.t (a) | \"app\".\"i\"",
            "CREATE INDEX CONCURRENTLY i ON ONLY \"App\".t (a)            | \"App\".\"i\""})
    void qualifiesTheIndexWithItsTablesSchema(String sql, String qualified) {
        assertThat(PostgresDialect.concurrentIndex(parse(sql))).contains(qualified);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"plain | \"plain\"", "we\"ird | \"we\"\"ird\""})
    void quotesIdentifiers(String raw, String quoted) {
        assertThat(new PostgresDialect().quote(raw)).isEqualTo(quoted);
    }
}
