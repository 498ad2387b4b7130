package dev.bellows.cli;

import dev.bellows.instances.AutoContractTable;
import dev.bellows.instances.PendingContract;
import dev.bellows.model.Release;
import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.bellows.cli.CliTest.args;
import static dev.bellows.cli.CliTest.bellows;
import static dev.bellows.cli.CliTest.connection;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code status} beside instances with {@code contract=auto}: a waiting automatic contract and when it is due. */
class StatusAutoContractTest {

    @TempDir
    Path dir;

    @Test
    void statusShowsAWaitingAutomaticContractAndWhenItIsDue() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.2", "expand", "001_t.sql", "CREATE TABLE t (id int, old_col int);")
                .file("1.3", "contract", "001_drop.sql", "ALTER TABLE t DROP COLUMN old_col;");
        List<String> conn = connection(db, dir);
        assertThat(bellows(args(conn, "status")).out()).doesNotContain("automatic contract");

        Instant since = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minusSeconds(60);
        Instant due = since.plus(Duration.ofMinutes(10));
        try (Connection c = db.connect()) {
            new AutoContractTable(db.dialect()).write(c, new PendingContract(Release.of("1.3"), since, due, "web-2"));
        }
        CliTest.Run text = bellows(args(conn, "status"));
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("automatic contract of 1.3 due at " + due + " (in 8 min 5")
                .contains("started by instance web-2")
                .contains("an instance of an older release that comes back cancels it");
        CliTest.Run json = bellows(args(conn, "status", "--format", "json"));
        assertThat(json.out()).contains("\"automaticContract\"").contains("\"due\" : \"" + due + "\"");
    }
}
