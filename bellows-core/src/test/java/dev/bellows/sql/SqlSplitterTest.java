package dev.bellows.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static dev.bellows.sql.SqlSyntax.MYSQL;
import static dev.bellows.sql.SqlSyntax.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlSplitterTest {

    /** Expected statement: its text and 1-based line and column. */
    record S(String sql, int line, int column) {
    }

    static S s(String sql, int line, int column) {
        return new S(sql, line, column);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("two plain statements", POSTGRESQL,
                        "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n",
                        List.of(s("CREATE TABLE a (id int)", 1, 1), s("CREATE TABLE b (id int)", 2, 1))),
                Arguments.of("last statement without semicolon", POSTGRESQL,
                        "SELECT 1;\n  SELECT 2",
                        List.of(s("SELECT 1", 1, 1), s("SELECT 2", 2, 3))),
                Arguments.of("semicolon in a string", POSTGRESQL,
                        "INSERT INTO t VALUES ('a;b');SELECT 1;",
                        List.of(s("INSERT INTO t VALUES ('a;b')", 1, 1), s("SELECT 1", 1, 30))),
                Arguments.of("doubled quote in a string", POSTGRESQL,
                        "SELECT 'it''s; fine'; SELECT 2;",
                        List.of(s("SELECT 'it''s; fine'", 1, 1), s("SELECT 2", 1, 23))),
                Arguments.of("E string with backslash-escaped quote", POSTGRESQL,
                        "SELECT E'a\\';b'; SELECT 2;",
                        List.of(s("SELECT E'a\\';b'", 1, 1), s("SELECT 2", 1, 18))),
                Arguments.of("standard string: backslash is not an escape on PostgreSQL", POSTGRESQL,
                        "SELECT 'a\\'; SELECT 2;",
                        List.of(s("SELECT 'a\\'", 1, 1), s("SELECT 2", 1, 14))),
                Arguments.of("quoted identifier with semicolon", POSTGRESQL,
                        "CREATE TABLE \"we;ird\" (id int); SELECT 1;",
                        List.of(s("CREATE TABLE \"we;ird\" (id int)", 1, 1), s("SELECT 1", 1, 33))),
                Arguments.of("dollar-quoted function body", POSTGRESQL,
                        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$;\nSELECT f();",
                        List.of(s("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$", 1, 1),
                                s("SELECT f()", 6, 1))),
                Arguments.of("tagged dollar quote containing $$", POSTGRESQL,
                        "DO $body$ BEGIN PERFORM '$$;'; END $body$; SELECT 1;",
                        List.of(s("DO $body$ BEGIN PERFORM '$$;'; END $body$", 1, 1), s("SELECT 1", 1, 44))),
                Arguments.of("positional parameter is not a dollar quote", POSTGRESQL,
                        "PREPARE p AS SELECT $1; SELECT 2;",
                        List.of(s("PREPARE p AS SELECT $1", 1, 1), s("SELECT 2", 1, 25))),
                Arguments.of("line comments with semicolons", POSTGRESQL,
                        "-- first; not a statement\nSELECT 1; -- trailing;\nSELECT 2;",
                        List.of(s("SELECT 1", 2, 1), s("SELECT 2", 3, 1))),
                Arguments.of("nested block comments on PostgreSQL", POSTGRESQL,
                        "/* outer /* inner; */ still comment; */ SELECT 1;",
                        List.of(s("SELECT 1", 1, 41))),
                Arguments.of("BEGIN ATOMIC body keeps its semicolons", POSTGRESQL,
                        "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;\nSELECT 3;",
                        List.of(s("CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END", 1, 1),
                                s("SELECT 3", 2, 1))),
                Arguments.of("empty statements are skipped", POSTGRESQL,
                        ";;SELECT 1;;",
                        List.of(s("SELECT 1", 1, 3))),
                Arguments.of("MySQL backticks and # comments", MYSQL,
                        "# note; here\nCREATE TABLE `we;ird` (id int); SELECT 1;",
                        List.of(s("CREATE TABLE `we;ird` (id int)", 2, 1), s("SELECT 1", 2, 33))),
                Arguments.of("MySQL double-quoted string with backslash escape", MYSQL,
                        "SELECT \"a\\\";b\"; SELECT 2;",
                        List.of(s("SELECT \"a\\\";b\"", 1, 1), s("SELECT 2", 1, 17))),
                Arguments.of("MySQL single-quoted string with backslash escape", MYSQL,
                        "SELECT 'a\\';b'; SELECT 2;",
                        List.of(s("SELECT 'a\\';b'", 1, 1), s("SELECT 2", 1, 17))),
                Arguments.of("MySQL -- needs a space to start a comment", MYSQL,
                        "SELECT 1--1;\nSELECT 2; -- comment;\n",
                        List.of(s("SELECT 1--1", 1, 1), s("SELECT 2", 2, 1))),
                Arguments.of("MySQL DELIMITER block for a trigger", MYSQL,
                        "DELIMITER //\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW\nBEGIN\n  SET NEW.a = 1;\n  SET NEW.b = 2;\nEND//\nDELIMITER ;\nSELECT 1;",
                        List.of(s("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW\nBEGIN\n  SET NEW.a = 1;\n  SET NEW.b = 2;\nEND", 2, 1),
                                s("SELECT 1", 8, 1))),
                Arguments.of("MySQL DELIMITER $$", MYSQL,
                        "delimiter $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END $$\ndelimiter ;\nCALL p();",
                        List.of(s("CREATE PROCEDURE p() BEGIN SELECT 1; END", 2, 1), s("CALL p()", 4, 1))),
                Arguments.of("MySQL procedure body without DELIMITER is one statement", MYSQL,
                        "CREATE PROCEDURE p()\nBEGIN\n  DROP TABLE old_t;\n  IF 1 THEN SELECT 1; END IF;\nEND;\nSELECT 2;",
                        List.of(s("CREATE PROCEDURE p()\nBEGIN\n  DROP TABLE old_t;\n  IF 1 THEN SELECT 1; END IF;\nEND", 1, 1),
                                s("SELECT 2", 6, 1))),
                Arguments.of("MySQL trigger with nested block, CASE and loops", MYSQL,
                        "CREATE DEFINER=`root`@`%` TRIGGER trg BEFORE INSERT ON x FOR EACH ROW BEGIN "
                                + "DECLARE i INT DEFAULT 0; w: WHILE i < 2 DO SET i = i + 1; END WHILE w; "
                                + "CASE WHEN i = 2 THEN BEGIN SET NEW.a = CASE WHEN 1 THEN 1 END; END; ELSE SET NEW.a = 0; END CASE; "
                                + "END; SELECT 1;",
                        List.of(s("CREATE DEFINER=`root`@`%` TRIGGER trg BEFORE INSERT ON x FOR EACH ROW BEGIN "
                                + "DECLARE i INT DEFAULT 0; w: WHILE i < 2 DO SET i = i + 1; END WHILE w; "
                                + "CASE WHEN i = 2 THEN BEGIN SET NEW.a = CASE WHEN 1 THEN 1 END; END; ELSE SET NEW.a = 0; END CASE; "
                                + "END", 1, 1), s("SELECT 1", 1, 251))),
                Arguments.of("MariaDB anonymous BEGIN NOT ATOMIC block", MYSQL,
                        "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END; SELECT 3;",
                        List.of(s("BEGIN NOT ATOMIC SELECT 1; SELECT 2; END", 1, 1), s("SELECT 3", 1, 43))),
                Arguments.of("MySQL transaction BEGIN is still its own statement", MYSQL,
                        "BEGIN; CREATE TABLE a (id int); COMMIT;",
                        List.of(s("BEGIN", 1, 1), s("CREATE TABLE a (id int)", 1, 8), s("COMMIT", 1, 33))),
                Arguments.of("UTF-8 byte order mark is ignored", POSTGRESQL,
                        "\uFEFFSELECT 1;",
                        List.of(s("SELECT 1", 1, 1))),
                Arguments.of("multi-line string keeps line numbers right", POSTGRESQL,
                        "SELECT 'a\nb\nc';\nSELECT 2;",
                        List.of(s("SELECT 'a\nb\nc'", 1, 1), s("SELECT 2", 4, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splits(String name, SqlSyntax syntax, String input, List<S> expected) {
        List<S> actual = SqlSplitter.split(input, syntax).statements().stream()
                .map(st -> new S(st.sql(), st.line(), st.column())).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void tokensCarryFilePositionsAndStatementOffsets() {
        SqlStatement st = SqlSplitter.split("-- c\n  ALTER TABLE \"Books\"\n ADD x int;", POSTGRESQL).statements().get(0);
        assertThat(st.tokens()).extracting(Token::text)
                .containsExactly("ALTER", "TABLE", "\"Books\"", "ADD", "x", "int");
        Token quoted = st.tokens().get(2);
        assertThat(quoted.type()).isEqualTo(TokenType.QUOTED_IDENTIFIER);
        assertThat(quoted.identifier()).isEqualTo("Books");
        assertThat(quoted.line()).isEqualTo(2);
        assertThat(quoted.column()).isEqualTo(15);
        assertThat(st.sql().substring(quoted.start(), quoted.end())).isEqualTo("\"Books\"");
        assertThat(st.tokens().get(3).line()).isEqualTo(3);
        assertThat(st.leadingComments()).extracting(SqlComment::text).containsExactly("c");
    }

    @Test
    void commentsAreCollectedForWaiversAndHeaders() {
        SqlScript script = SqlSplitter.split(
                "-- bellows:phase contract\n\n-- bellows:allow x reason: y\nDROP TABLE t; /* tail */", POSTGRESQL);
        assertThat(script.comments()).extracting(SqlComment::text)
                .containsExactly("bellows:phase contract", "bellows:allow x reason: y", "tail");
        assertThat(script.statements().get(0).leadingComments()).hasSize(2);
    }

    @Test
    void castAndNamedParametersAreTokens() {
        SqlStatement st = SqlSplitter.split("UPDATE t SET a = b::text WHERE id >= :from AND id < :to", POSTGRESQL)
                .statements().get(0);
        assertThat(st.tokens()).filteredOn(t -> t.type() == TokenType.PARAMETER).extracting(Token::text)
                .containsExactly(":from", ":to");
        assertThat(st.tokens()).anyMatch(t -> t.isSymbol("::"));
    }

    @Test
    void arraySlicesAreNotParameters() {
        SqlStatement st = SqlSplitter.split("UPDATE t SET a = b[1:n], c = d[lo:hi] WHERE id >= :from", POSTGRESQL)
                .statements().get(0);
        assertThat(st.tokens()).filteredOn(t -> t.type() == TokenType.PARAMETER).extracting(Token::text)
                .containsExactly(":from");
    }

    @Test
    void unterminatedConstructsNameTheirPosition() {
        assertThatThrownBy(() -> SqlSplitter.split("SELECT 1;\nSELECT 'abc", POSTGRESQL))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(8);
                    assertThat(e.getMessage()).contains("unterminated string");
                });
        assertThatThrownBy(() -> SqlSplitter.split("DO $x$ BEGIN END", POSTGRESQL))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("$x$");
        assertThatThrownBy(() -> SqlSplitter.split("/* /* */ SELECT 1", POSTGRESQL))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("block comment");
        assertThatThrownBy(() -> SqlSplitter.split("SELECT \"x", POSTGRESQL))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("quoted identifier");
    }

    @Test
    void mysqlBlockCommentsDoNotNest() {
        assertThat(SqlSplitter.split("/* a /* b */ SELECT 1;", MYSQL).statements())
                .extracting(SqlStatement::sql).containsExactly("SELECT 1");
    }
}
