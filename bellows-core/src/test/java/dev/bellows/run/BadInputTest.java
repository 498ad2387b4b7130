package dev.bellows.run;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.ConfigurationException;
import dev.bellows.data.BatchDefinitionException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.instances.Registration;
import dev.bellows.load.MigrationLoadException;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Release;
import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.RandomAccessFile;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input is refused with a message that names it, before anything runs. */
class BadInputTest {

    @TempDir
    Path dir;

    static Bellows bellows(Path dir, TestDatabase db) {
        return new Bellows(new BellowsConfig(dir, new ConnectionSettings(db.url(), db.user(), db.password()),
                RunOptions.defaults()));
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aFileWithANulByteIsRefusedWhileLoadingBeforeEarlierFilesRun(TestDatabase db) throws Exception {
        new MigrationTree(dir)
                .file("1.0", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY);")
                .file("1.0", "expand", "002_seed.sql", "INSERT INTO books VALUES (1);\nINSERT\0 INTO books VALUES (2);");
        assertThatThrownBy(() -> bellows(dir, db).expand(null)).isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("002_seed.sql").hasMessageContaining("line 2, column 7")
                .hasMessageContaining("NUL byte");
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'books' AND "
                + "table_schema = " + (Bookshop.postgres(db) ? "current_schema()" : "database()"))).isZero();
    }

    @Test
    void aFileOverTheSizeLimitIsAClearErrorNotAnOutOfMemoryError() throws Exception {
        new MigrationTree(dir).file("1.0", "expand", "001_huge.sql", "SELECT 1;");
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("1.0/expand/001_huge.sql").toFile(), "rw")) {
            f.setLength(MigrationLoader.MAX_FILE_BYTES + 1); // sparse: costs no disk
        }
        assertThatThrownBy(() -> MigrationLoader.load(dir, dev.bellows.sql.SqlSyntax.POSTGRESQL))
                .isInstanceOf(MigrationLoadException.class).hasMessageContaining("001_huge.sql")
                .hasMessageContaining("more than the 64 MB a migration file may have");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aKeyedSpecNamingAnotherTableThanItsStatementIsRefusedBeforeAnythingRuns(TestDatabase db) throws Exception {
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE small (id int PRIMARY KEY);\n"
                        + "CREATE TABLE orders (id int PRIMARY KEY, done int NOT NULL DEFAULT 0);\n"
                        + "INSERT INTO small VALUES (1), (2);\n"
                        + "INSERT INTO orders (id) VALUES (1), (2), (500), (1000);")
                .file("1.0", "migrate", "001_first.sql", "UPDATE orders SET done = 2 WHERE id = 1 AND done = 0;")
                .file("1.0", "migrate", "002_keyed.sql", "-- bellows:keyed table=small key=id\n"
                        + "UPDATE orders SET done = 1 WHERE id >= :from AND id < :to AND done = 0;");
        bellows(dir, db).expand(null);
        assertThatThrownBy(() -> bellows(dir, db).migrate(null))
                .isInstanceOfSatisfying(BatchDefinitionException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("002_keyed.sql")
                .hasMessageContaining("names table small, but the statement below it changes orders")
                .hasMessageContaining("-- bellows:keyed table=orders key=id");
        assertThat(db.count("SELECT count(*) FROM orders WHERE done <> 0")).as("nothing ran, not even 001").isZero();

        new MigrationTree(dir).file("1.0", "migrate", "002_keyed.sql", "-- bellows:keyed table=orders key=id\n"
                + "UPDATE orders SET done = 1 WHERE id >= :from AND id < :to AND done = 0;");
        bellows(dir, db).migrate(null);
        assertThat(db.count("SELECT count(*) FROM orders WHERE done = 1")).isEqualTo(3);
    }

    @Test
    void onMariadbEveryBellowsTableIsUtf8mb4SoMigrateFilesMayHaveAnyName() throws Exception {
        TestDatabase db = Databases.mariadb();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, v int NOT NULL DEFAULT 0);\n"
                        + "INSERT INTO t (id) VALUES (1), (2), (3);")
                .file("1.0", "migrate", "001_füllen_名前.sql", "UPDATE t SET v = 1 WHERE v = 0 LIMIT 2;");
        bellows(dir, db).upgrade(null);
        assertThat(db.count("SELECT count(*) FROM t WHERE v = 1")).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = database() "
                + "AND table_name LIKE 'bellows%' AND table_collation NOT LIKE 'utf8mb4%'")).isZero();
    }

    @Test
    void instanceIdsHostsAndReleasesWithControlCharactersAreRefused() {
        Registration ok = Registration.of(Release.of("1.2"), "web-1", 42L);
        assertThatThrownBy(() -> ok.withId("web-1\n1.3  forged-host")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("instance id contains a control character (U+000A at position 6)");
        assertThatThrownBy(() -> ok.withHost("host\u001b[2J")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("host of instance " + ok.id() + " contains a control character (U+001B");
        assertThatThrownBy(() -> ok.withMetadata("{\"pod\":\"a\"}\r\nweb-9")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("metadata");
        assertThatThrownBy(() -> Release.of("1.2\n")).isInstanceOf(ConfigurationException.class);
        assertThat(ok.withId("web-1.example.org_pod-7").id()).isEqualTo("web-1.example.org_pod-7");
    }
}
