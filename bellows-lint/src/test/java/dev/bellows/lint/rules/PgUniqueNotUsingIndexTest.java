package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgUniqueNotUsingIndexTest extends RuleTestSupport {

    PgUniqueNotUsingIndexTest() {
        super("pg-unique-not-using-index");
    }

    @Test
    void flagsUniqueAndPrimaryKeyBuiltInline() {
        var f = flags(PG, EXPAND, "ALTER TABLE books ADD CONSTRAINT books_isbn_key UNIQUE (isbn)");
        assertThat(f.get(0).help().get(0)).contains("CREATE UNIQUE INDEX CONCURRENTLY books_isbn_key_idx ON books (isbn)");
        flags(PG, CONTRACT, "ALTER TABLE books ADD PRIMARY KEY (id)");
    }

    /** Review B item 12: an exclusion constraint builds its index under ACCESS EXCLUSIVE, with no concurrent way. */
    @Test
    void flagsAnExclusionConstraintOnAnExistingTable() {
        var f = flags(PG, CONTRACT,
                "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)");
        assertThat(f.get(0).message()).contains("exclusion constraint").contains("bookings_no_overlap")
                .contains("ACCESS EXCLUSIVE");
        assertThat(String.join("\n", f.get(0).help())).doesNotContain("USING INDEX");
    }

    @Test
    void passesAnExclusionConstraintOnANewTable() {
        passes(PG, EXPAND, "CREATE TABLE bookings (room_id int, during tstzrange); "
                + "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)");
    }

    @Test
    void passesUsingIndexNewTablesAndMySql() {
        passes(PG, CONTRACT, "ALTER TABLE books ADD CONSTRAINT books_isbn_key UNIQUE USING INDEX books_isbn_idx");
        passes(PG, CONTRACT, "ALTER TABLE books ADD CONSTRAINT books_pkey PRIMARY KEY USING INDEX books_id_idx");
        passes(PG, EXPAND, "CREATE TABLE t (id int); ALTER TABLE t ADD PRIMARY KEY (id)");
        passes(MYSQL, CONTRACT, "ALTER TABLE books ADD UNIQUE KEY books_isbn (isbn)");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, CONTRACT, "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)"),
                RuleExample.flags(PG, EXPAND, "ALTER TABLE books ADD CONSTRAINT books_isbn_key UNIQUE (isbn)"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE books ADD CONSTRAINT books_isbn_key UNIQUE USING INDEX books_isbn_idx"));
    }
}
