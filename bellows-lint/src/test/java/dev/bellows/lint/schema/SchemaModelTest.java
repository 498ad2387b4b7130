package dev.bellows.lint.schema;

import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.StatementRecognizer;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaModelTest {

    private static final Origin R1 = new Origin(Release.of("1.0"), Phase.EXPAND);
    private static final Origin R2 = new Origin(Release.of("2.0"), Phase.EXPAND);

    private final SchemaModel schema = new SchemaModel();

    private void replay(Origin origin, String sql, SqlSyntax syntax) {
        for (SqlStatement s : SqlSplitter.split(sql, syntax).statements()) {
            schema.apply(StatementRecognizer.recognize(s, syntax), origin);
        }
    }

    private void pg(Origin origin, String sql) {
        replay(origin, sql, SqlSyntax.POSTGRESQL);
    }

    @Test
    void tracksTablesColumnsAndWhereTheyCameFrom() {
        pg(R1, "CREATE TABLE books (id int PRIMARY KEY, title varchar(50) NOT NULL DEFAULT '')");
        pg(R2, "ALTER TABLE books ADD COLUMN isbn text, ALTER COLUMN title TYPE varchar(200)");
        TableState books = schema.table("books").orElseThrow();
        assertThat(books.origin()).isEqualTo(R1);
        assertThat(books.column("title").orElseThrow().type().length()).isEqualTo(200);
        assertThat(books.column("title").orElseThrow().notNull()).isTrue();
        assertThat(books.column("title").orElseThrow().defaultValue()).isEqualTo("''");
        assertThat(schema.columnOrigin("books", "isbn")).contains(R2);
        assertThat(schema.columnOrigin("books", "id")).contains(R1);
    }

    @Test
    void followsRenamesAndDrops() {
        pg(R1, "CREATE TABLE books (id int, title text); CREATE INDEX books_title ON books (title)");
        pg(R2, "ALTER TABLE books RENAME COLUMN title TO name; ALTER TABLE books RENAME TO titles; "
                + "ALTER INDEX books_title RENAME TO titles_name");
        assertThat(schema.table("books")).isEmpty();
        assertThat(schema.table("titles").orElseThrow().column("name")).isPresent();
        assertThat(schema.table("titles").orElseThrow().origin()).isEqualTo(R1);
        assertThat(schema.origin(ObjectType.INDEX, "titles_name")).contains(R1);
        pg(R2, "DROP TABLE titles; DROP INDEX titles_name");
        assertThat(schema.table("titles")).isEmpty();
        assertThat(schema.origin(ObjectType.INDEX, "titles_name")).isEmpty();
    }

    @Test
    void aCheckCountsForSetNotNullOnlyOnceValidated() {
        pg(R1, "CREATE TABLE books (id int, isbn text)");
        pg(R2, "ALTER TABLE books ADD CONSTRAINT isbn_nn CHECK (isbn IS NOT NULL) NOT VALID");
        assertThat(schema.table("books").orElseThrow().hasValidatedNotNullCheck("isbn")).isFalse();
        pg(R2, "ALTER TABLE books VALIDATE CONSTRAINT isbn_nn");
        assertThat(schema.table("books").orElseThrow().hasValidatedNotNullCheck("isbn")).isTrue();
        pg(R2, "ALTER TABLE books DROP CONSTRAINT isbn_nn");
        assertThat(schema.table("books").orElseThrow().hasValidatedNotNullCheck("isbn")).isFalse();
    }

    @Test
    void enumValuesViewsFunctionsSequences() {
        pg(R1, "CREATE TYPE state AS ENUM ('draft', 'live'); CREATE VIEW v AS SELECT 1; "
                + "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql; CREATE SEQUENCE s");
        pg(R2, "ALTER TYPE state ADD VALUE 'gone'; ALTER TYPE state RENAME VALUE 'draft' TO 'new'; "
                + "CREATE OR REPLACE VIEW v AS SELECT 2");
        assertThat(schema.enumValues("state")).containsExactly("new", "live", "gone");
        assertThat(schema.origin(ObjectType.VIEW, "v")).contains(R1);
        assertThat(schema.origin(ObjectType.FUNCTION, "f")).contains(R1);
        assertThat(schema.origin(ObjectType.SEQUENCE, "s")).contains(R1);
    }

    @Test
    void mysqlRedefinitionsReplaceTheColumnKeepingItsOrigin() {
        replay(R1, "CREATE TABLE t (id int, s varchar(20), e enum('a','b'))", SqlSyntax.MYSQL);
        replay(R2, "ALTER TABLE t MODIFY s varchar(40) NOT NULL, CHANGE e kind enum('a','b','c')", SqlSyntax.MYSQL);
        TableState t = schema.table("t").orElseThrow();
        assertThat(t.column("s").orElseThrow().type().length()).isEqualTo(40);
        assertThat(t.column("s").orElseThrow().notNull()).isTrue();
        assertThat(t.column("e")).isEmpty();
        assertThat(t.column("kind").orElseThrow().type().args()).containsExactly("'a'", "'b'", "'c'");
        assertThat(t.column("kind").orElseThrow().origin()).isEqualTo(R1);
    }

    @Test
    void tablesItNeverSawAreUnknownButStillTracked() {
        pg(R2, "ALTER TABLE legacy ADD COLUMN x int");
        TableState legacy = schema.table("legacy").orElseThrow();
        assertThat(legacy.origin()).isNull();
        assertThat(schema.columnOrigin("legacy", "x")).contains(R2);
        assertThat(schema.origin(ObjectType.TABLE, "legacy")).isEmpty();
    }
}
