package dev.bellows.junit;

import dev.bellows.ConfigurationException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The phase hooks on the bookshop example: release 1.1's repository keeps working on the schema
 * after expand(1.2) (books is a view over titles by then) and breaks only after contract(1.2).
 */
@BellowsMigrations(location = "../examples/bookshop/db/migrations")
class PhaseHooksTest {

    @Test
    void release11RepositoryWorksOnItsOwnSchema(@AfterContract("1.1") DataSource db) throws SQLException {
        BookRepository11 repo = new BookRepository11(db);
        repo.add("Dune", "ISBN-9780441013593");
        assertThat(repo.titleOf("ISBN-9780441013593")).contains("Dune");
        assertThat(repo.titleOf("ISBN-LC-000042")).contains("Book 42"); // backfilled by migrate 1.1
    }

    @Test
    void release11RepositoryWorksDuringTheRolloutOf12(@AfterExpand("1.2") DataSource db) throws SQLException {
        BookRepository11 repo = new BookRepository11(db);
        repo.add("Dune", "ISBN-9780441013593");
        assertThat(repo.titleOf("ISBN-9780441013593")).contains("Dune");
        assertThat(repo.titleOf("ISBN-LC-000042")).contains("Book 42");
    }

    @Test
    void afterExpandAppliesEarlierReleasesCompletelyAndOnlyTheExpandOfTheTarget(
            @AfterExpand("1.2") BellowsDatabase db) throws SQLException {
        assertThat(columns(db, "books")).contains("isbn").doesNotContain("legacy_code"); // contract 1.1 ran
        assertThat(columns(db, "titles")).contains("subtitle");                           // expand 1.2 ran
        assertThat(count(db, "SELECT count(*) FROM titles WHERE subtitle IS NULL")).isEqualTo(5000); // not migrate 1.2
    }

    @Test
    void release11RepositoryBreaksOnlyAfterContract12(@AfterContract("1.2") DataSource db) {
        assertThatThrownBy(() -> new BookRepository11(db).add("Dune", "x")).isInstanceOf(SQLException.class)
                .hasMessageContaining("relation \"books\" does not exist");
    }

    @Test
    void eachHookGetsItsOwnDatabaseAndUnknownReleasesAreNamed(BellowsSchema schema) {
        BellowsDatabase a = schema.afterExpand("1.1");
        BellowsDatabase b = schema.afterExpand("1.1");
        assertThat(a.url()).isNotEqualTo(b.url());
        assertThat(schema.releases()).extracting(Object::toString).startsWith("1.0", "1.1", "1.2");
        assertThatThrownBy(() -> schema.afterContract("9.9")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("release 9.9 is not in").hasMessageContaining("(releases: 1.0, 1.1, 1.2");
    }

    static java.util.List<String> columns(BellowsDatabase db, String table) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getColumns(null, "public", table, null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    static long count(BellowsDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
