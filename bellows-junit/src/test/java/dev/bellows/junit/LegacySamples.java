package dev.bellows.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test classes on a project with a legacy history (src/test/resources/legacy: a Flyway folder with a placeholder, a
 * subfolder, an {@code R__} view and an {@code afterMigrate} callback, or the same as a Liquibase changelog) and
 * Bellows' release 1.1 after it. Run only through the JUnit test kit ({@link LegacyHistoryTest}).
 */
final class LegacySamples {

    private LegacySamples() {
    }

    /** The legacy Flyway history, given on the annotation; the hooks look at what Flyway and Bellows built. */
    @ExtendWith(Samples.OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:legacy/migrations", legacyFlyway = "classpath:legacy/flyway",
            legacyRelease = "1.0", placeholders = {"mail_domain=example.com", "support_mailbox=help"})
    static class Flyway implements BellowsMigrationTests {

        @Test
        void theLegacyReleaseIsWhatFlywayBuilt(@AfterContract("1.0") BellowsDatabase db) throws SQLException {
            assertThat(columns(db, "customers")).containsExactly("id", "email", "fax", "mail_host");
            assertThat(columnDefault(db, "customers", "mail_host")).contains("mx.example.com"); // Flyway's placeholder
            assertThat(one(db, "SELECT count(*) FROM customer_emails")).isEqualTo("2");          // the R__ view
            assertThat(one(db, "SELECT val FROM app_settings WHERE name = 'mail_domain'"))        // the callback
                    .isEqualTo("example.com");
            assertThat(one(db, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo("3");
            assertThat(bellowsHistory(db)).containsExactly("baseline 1.0");
        }

        @Test
        void theFirstBellowsReleaseExpandsTheLegacySchema(@AfterExpand("1.1") BellowsDatabase db) throws SQLException {
            assertThat(columns(db, "customers")).containsExactly("id", "email", "fax", "mail_host", "support");
            execute(db, "INSERT INTO customers (id, email) VALUES (3, 'grace@example.org')");
            assertThat(one(db, "SELECT support FROM customers WHERE id = 3")).isEqualTo("help@example.com");
        }

        @Test
        void afterItsContractTheFaxIsGone(@AfterContract("1.1") BellowsDatabase db) throws SQLException {
            assertThat(columns(db, "customers")).containsExactly("id", "email", "mail_host", "support");
            assertThat(bellowsHistory(db)).first().isEqualTo("baseline 1.0");
        }
    }

    /** The same, from a settings file (legacy: and placeholders: of bellows.yaml). */
    @ExtendWith(Samples.OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:legacy/migrations", config = "src/test/resources/legacy/bellows.yaml")
    static class FlywayFromTheSettingsFile implements BellowsMigrationTests {

        @Test
        void builtByFlyway(@AfterExpand("1.1") BellowsDatabase db) throws SQLException {
            assertThat(columns(db, "customers")).containsExactly("id", "email", "fax", "mail_host", "support");
            assertThat(one(db, "SELECT val FROM app_settings WHERE name = 'mail_domain'")).isEqualTo("example.com");
        }
    }

    /** A hook on a release the legacy history stands for: it is built whole, so it has no expand of its own. */
    @ExtendWith(Samples.OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:legacy/migrations", legacyFlyway = "classpath:legacy/flyway",
            legacyRelease = "1.0", placeholders = {"mail_domain=example.com", "support_mailbox=help"})
    static class HookInsideTheLegacyHistory {

        @Test
        void expandOfTheLegacyRelease(@AfterExpand("1.0") BellowsDatabase db) {
        }
    }

    /** Bellows' 1.1 needs ${support_mailbox}, which nothing defines. */
    @ExtendWith(Samples.OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:legacy/migrations", legacyFlyway = "classpath:legacy/flyway",
            legacyRelease = "1.0", placeholders = "mail_domain=example.com")
    static class UndefinedPlaceholder implements BellowsMigrationTests {
    }

    /** 1.1's contract drops customers.email, which the legacy history's R__ view still reads. */
    @ExtendWith(Samples.OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:legacy/unsafe", legacyFlyway = "classpath:legacy/flyway",
            legacyRelease = "1.0", placeholders = "mail_domain=example.com")
    static class UnsafeAfterFlyway implements BellowsMigrationTests {
    }

    /** The legacy history as a Liquibase changelog. */
    @ExtendWith(Samples.OnlyThroughTestKit.class)
    @BellowsMigrations(location = "classpath:legacy/migrations", legacyLiquibase = "classpath:legacy/changelog.xml",
            legacyRelease = "1.0", placeholders = {"mail_domain=example.com", "support_mailbox=help"})
    static class Liquibase implements BellowsMigrationTests {

        @Test
        void theLegacyReleaseIsWhatLiquibaseBuilt(@AfterContract("1.0") BellowsDatabase db) throws SQLException {
            assertThat(columns(db, "customers")).containsExactly("id", "email", "fax", "mail_host");
            assertThat(columnDefault(db, "customers", "mail_host")).contains("mx.example.com");
            assertThat(one(db, "SELECT count(*) FROM customer_emails")).isEqualTo("2");
            assertThat(one(db, "SELECT count(*) FROM databasechangelog")).isEqualTo("3");
            assertThat(bellowsHistory(db)).containsExactly("baseline 1.0");
        }

        @Test
        void afterContractOfTheFirstBellowsRelease(@AfterContract("1.1") BellowsDatabase db) throws SQLException {
            assertThat(columns(db, "customers")).containsExactly("id", "email", "mail_host", "support");
            assertThat(columnDefault(db, "customers", "support")).contains("help@example.com");
        }
    }

    private static boolean postgres(BellowsDatabase db) {
        return db.url().startsWith("jdbc:postgresql:");
    }

    private static String schema(BellowsDatabase db) {
        return postgres(db) ? "current_schema()" : "database()";
    }

    static List<String> columns(BellowsDatabase db, String table) throws SQLException {
        return all(db, "SELECT column_name FROM information_schema.columns WHERE table_schema = " + schema(db)
                + " AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    static String columnDefault(BellowsDatabase db, String table, String column) throws SQLException {
        return one(db, "SELECT column_default FROM information_schema.columns WHERE table_schema = " + schema(db)
                + " AND table_name = '" + table + "' AND column_name = '" + column + "'");
    }

    /** Bellows' history, markers left out: {@code baseline 1.0}, then the files applied after it. */
    static List<String> bellowsHistory(BellowsDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return new dev.bellows.history.HistoryTable(dev.bellows.db.Dialect.forUrl(db.url())).read(c).stream()
                    .filter(m -> m.isBaseline() || !m.isMarker())
                    .map(m -> m.isBaseline() ? "baseline " + m.release() : m.migration()).toList();
        }
    }

    static String one(BellowsDatabase db, String sql) throws SQLException {
        List<String> rows = all(db, sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    static List<String> all(BellowsDatabase db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void execute(BellowsDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
