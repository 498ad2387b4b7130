package dev.bellows.junit;

import dev.bellows.model.Release;
import dev.bellows.queries.ManifestFormat;
import dev.bellows.queries.QueryLog;
import dev.bellows.queries.QueryManifest;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Capture through the JDBC proxy on a real PostgreSQL: the JDBC type of every common setter, batches
 * counted per row, plain statements; and the extension writing a sample class's manifest at the end
 * of the run.
 */
class QueryRecorderTest {

    static final Path OUT = Path.of("target", "recorded-queries");

    @BeforeAll
    static void useTheSharedServer() {
        TestDatabase db = Databases.postgres();
        System.setProperty(Settings.URL_PROPERTY, db.url());
        System.setProperty(Settings.USER_PROPERTY, db.user());
        System.setProperty(Settings.PASSWORD_PROPERTY, db.password());
    }

    @AfterAll
    static void clearProperties() {
        System.clearProperty(Settings.URL_PROPERTY);
        System.clearProperty(Settings.USER_PROPERTY);
        System.clearProperty(Settings.PASSWORD_PROPERTY);
    }

    @Test
    void recordsEachStatementWithTheJdbcTypesItsParametersWereBoundWith() throws Exception {
        TestDatabase db = Databases.postgres();
        db.execute("CREATE TABLE kinds (i integer, b bigint, s smallint, v varchar(20), n numeric(10,2), "
                + "d double precision, r real, ok boolean, day date, at time, ts timestamp, tz timestamptz, "
                + "bytes bytea, u uuid, day2 date)");
        QueryLog log = new QueryLog(Release.of("2.0"));
        DataSource ds = QueryRecorder.wrap(new dev.bellows.db.DriverManagerDataSource(db.url(), db.user(),
                db.password()), log);
        String insert = "INSERT INTO kinds (i, b, s, v, n, d, r, ok, day, at, ts, tz, bytes, u, day2) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            for (int row = 0; row < 3; row++) {
                ps.setInt(1, row);
                ps.setLong(2, row);
                ps.setShort(3, (short) row);
                ps.setString(4, "v");
                ps.setBigDecimal(5, BigDecimal.ONE);
                ps.setDouble(6, 1.5);
                ps.setFloat(7, 1.5f);
                ps.setBoolean(8, true);
                ps.setDate(9, Date.valueOf("2026-01-01"));
                ps.setTime(10, Time.valueOf("10:00:00"));
                ps.setTimestamp(11, Timestamp.valueOf("2026-01-01 10:00:00"));
                ps.setObject(12, OffsetDateTime.parse("2026-01-01T10:00:00Z"));
                ps.setBytes(13, new byte[]{1});
                ps.setObject(14, UUID.randomUUID());
                if (row == 0) {
                    ps.setNull(15, Types.DATE);
                } else {
                    ps.setObject(15, LocalDate.of(2026, 1, 1));
                }
                ps.addBatch();
            }
            ps.executeBatch();
            c.createStatement().execute("SELECT count(*) FROM kinds");
        }
        List<ManifestFormat.Captured> captured = log.captured();
        assertThat(captured).hasSize(2);
        ManifestFormat.Captured batch = captured.stream().filter(q -> q.sql().startsWith("INSERT")).findFirst()
                .orElseThrow();
        assertThat(batch.count()).isEqualTo(3);
        assertThat(batch.parameterTypes()).containsExactly("INTEGER", "BIGINT", "SMALLINT", "VARCHAR", "NUMERIC",
                "DOUBLE", "REAL", "BOOLEAN", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_WITH_TIMEZONE", "VARBINARY",
                "OTHER", "DATE");
        assertThat(captured).anyMatch(q -> q.sql().equals("SELECT count(*) FROM kinds") && q.parameterTypes().isEmpty());
    }

    @Test
    void theExtensionWritesTheManifestOfTheReleaseUnderTestWhenTheRunEnds() throws Exception {
        Files.deleteIfExists(OUT.resolve("1.1.sql"));
        var events = Samples.testKit().selectors(selectClass(Recording.class)).execute().testEvents();
        assertThat(events.failed().count()).isZero();
        assertThat(events.succeeded().count()).isEqualTo(1);
        QueryManifest m = ManifestFormat.read(OUT.resolve("1.1.sql"), Release.of("1.1"), SqlSyntax.POSTGRESQL);
        assertThat(m.entries()).extracting(e -> e.sql() + " " + e.parameterTypes() + " x" + e.count())
                .contains("SELECT title FROM books WHERE isbn = ? [VARCHAR] x2");
    }

    static final Path MERGED = Path.of("target", "merged-queries");
    static final Path PARTS = Path.of("target", "merged-queries-parts");

    /**
     * Each {@code execute()} is a run of its own, as a forked JVM or a class re-run alone would be: the manifest
     * keeps what the other class recorded, a class run again replaces only its own statements (its counts are
     * not added twice, a statement it no longer sends leaves), and it reads back as one manifest.
     */
    @Test
    void theManifestHoldsWhatEveryClassRecordedAcrossRunsAndARerunReplacesOnlyItsOwn() throws Exception {
        deleteTree(MERGED);
        deleteTree(PARTS);
        Path manifest = MERGED.resolve("1.1.sql");
        try {
            run(ByIsbn.class);
            assertThat(entries(manifest)).containsExactly("SELECT title FROM books WHERE isbn = ? [VARCHAR] x2");

            run(Counting.class);
            assertThat(entries(manifest)).containsExactly("SELECT count(*) FROM books [] x1",
                    "SELECT title FROM books WHERE isbn = ? [VARCHAR] x2");
            run(Counting.class);
            assertThat(entries(manifest)).as("a class run again replaces its own counts")
                    .containsExactly("SELECT count(*) FROM books [] x1",
                            "SELECT title FROM books WHERE isbn = ? [VARCHAR] x2");

            ByIsbn.column = "id";
            run(ByIsbn.class);
            assertThat(entries(manifest)).as("what a class no longer sends leaves the manifest")
                    .containsExactly("SELECT count(*) FROM books [] x1",
                            "SELECT id FROM books WHERE isbn = ? [VARCHAR] x2");

            assertThat(Files.readString(manifest)).doesNotContain("\\t").startsWith("-- Query manifest of release 1.1");
        } finally {
            ByIsbn.column = "title";
        }
    }

    private static void run(Class<?>... classes) {
        var events = Samples.testKit().selectors(java.util.Arrays.stream(classes)
                .map(org.junit.platform.engine.discovery.DiscoverySelectors::selectClass)
                .toArray(org.junit.platform.engine.DiscoverySelector[]::new)).execute().testEvents();
        assertThat(events.failed().count()).isZero();
        assertThat(events.succeeded().count()).isEqualTo(classes.length);
    }

    private static List<String> entries(Path manifest) {
        return ManifestFormat.read(manifest, Release.of("1.1"), SqlSyntax.POSTGRESQL).entries().stream()
                .map(e -> e.sql() + " " + e.parameterTypes() + " x" + e.count()).toList();
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @ExtendWith(Samples.OnlyThroughTestKit.class)
    @BellowsMigrations(location = "../examples/bookshop/db/migrations")
    @RecordQueries(release = "1.1", directory = "target/merged-queries", partsDirectory = "target/merged-queries-parts")
    static class ByIsbn {
        static volatile String column = "title";

        @Test
        void readsByIsbn(@AfterContract("1.1") DataSource ds) throws Exception {
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM books WHERE isbn = ?")) {
                for (String isbn : List.of("a", "b")) {
                    ps.setString(1, isbn);
                    ps.executeQuery().close();
                }
            }
        }
    }

    @ExtendWith(Samples.OnlyThroughTestKit.class)
    @BellowsMigrations(location = "../examples/bookshop/db/migrations")
    @RecordQueries(release = "1.1", directory = "target/merged-queries", partsDirectory = "target/merged-queries-parts")
    static class Counting {
        @Test
        void counts(@AfterContract("1.1") DataSource ds) throws Exception {
            try (Connection c = ds.getConnection()) {
                c.createStatement().executeQuery("SELECT count(*) FROM books").close();
            }
        }
    }

    @ExtendWith(Samples.OnlyThroughTestKit.class)
    @BellowsMigrations(location = "../examples/bookshop/db/migrations")
    @RecordQueries(release = "1.1", directory = "target/recorded-queries")
    static class Recording {
        @Test
        void readsByIsbn(@AfterContract("1.1") DataSource ds) throws Exception {
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT title FROM books WHERE isbn = ?")) {
                for (String isbn : List.of("a", "b")) {
                    ps.setString(1, isbn);
                    ps.executeQuery().close();
                }
            }
        }
    }
}
