package dev.bellows.data;

import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundStatementTest {

    private static SqlStatement parse(String sql) {
        return SqlSplitter.split(sql, SqlSyntax.POSTGRESQL).statements().get(0);
    }

    @Test
    void placeholdersAreFilledWithNumbersAndCastsAndStringsStayAlone() {
        BoundStatement b = BoundStatement.of(parse("UPDATE t SET v = x::text || ':to?' WHERE id >= :from AND id < :to"),
                "f.sql");
        assertThat(b.sql(100, 250, 7)).isEqualTo("UPDATE t SET v = x::text || ':to?' WHERE id >= 100 AND id < 250");
        assertThat(b.params()).containsExactly(BoundStatement.Param.FROM, BoundStatement.Param.TO);
    }

    @Test
    void anUnknownPlaceholderIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> BoundStatement.of(parse("\nUPDATE t SET v = :value"), "1.1/migrate/001_x.sql"))
                .isInstanceOf(BatchDefinitionException.class)
                .hasMessageStartingWith("1.1/migrate/001_x.sql:2: unknown placeholder :value");
    }

    @Test
    void theKeyedHeaderNamesTableAndKey() {
        KeyedSpec spec = KeyedSpec.of(parse("-- bellows:keyed table=shop.books key=book_id\n"
                + "INSERT INTO log SELECT * FROM shop.books WHERE book_id >= :from AND book_id < :to"), "f.sql");
        assertThat(spec.table()).containsExactly("shop", "books");
        assertThat(spec.key()).isEqualTo("book_id");
    }

    @Test
    void tableAndKeyAreDerivedFromAnUpdateWithoutHeader() {
        KeyedSpec spec = KeyedSpec.of(parse("UPDATE \"Books\" SET isbn = '' WHERE id >= :from AND id < :to"),
                "f.sql");
        assertThat(spec).isEqualTo(new KeyedSpec(List.of("\"Books\""), "id"));
    }

    @Test
    void headerNamesAreKeptAsWrittenAndMustBeIdentifiers() {
        KeyedSpec spec = KeyedSpec.of(parse("-- bellows:keyed table=Books key=Id\n"
                + "UPDATE Books SET isbn = '' WHERE Id >= :from AND Id < :to"), "f.sql");
        assertThat(spec.quotedTable(null)).isEqualTo("Books");
        assertThat(spec.key()).isEqualTo("Id");
        assertThatThrownBy(() -> KeyedSpec.of(parse("-- bellows:keyed table=books;drop key=id\n"
                + "UPDATE books SET isbn = '' WHERE id >= :from AND id < :to"), "f.sql"))
                .isInstanceOf(BatchDefinitionException.class).hasMessageContaining("is not an identifier");
    }

    @Test
    void anUnderivableKeyedStatementAsksForTheHeader() {
        assertThatThrownBy(() -> KeyedSpec.of(parse("INSERT INTO log SELECT * FROM t WHERE id BETWEEN :from AND :to"),
                "f.sql")).isInstanceOf(BatchDefinitionException.class).hasMessageContaining("-- bellows:keyed table=");
    }

    @Test
    void wholeRangeRunsAKeyedStatementOnceOverEveryKey() {
        assertThat(BoundStatement.wholeRange(parse("UPDATE t SET v = 1 WHERE id >= :from AND id < :to")))
                .isEqualTo("UPDATE t SET v = 1 WHERE id >= -9223372036854775807 AND id < 9223372036854775807");
        assertThat(BoundStatement.wholeRange(parse("UPDATE t SET v = 1 WHERE id = :other")))
                .isEqualTo("UPDATE t SET v = 1 WHERE id = :other");
    }
}
