package dev.bellows.maven;

import dev.bellows.instances.BellowsInstance;
import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database goals as Maven runs them (parameters set, {@code execute()} called) against a real
 * PostgreSQL, on the bookshop example: they apply, print and fail the way the CLI does.
 */
class MojoTest {

    static final File BOOKSHOP = new File("../examples/bookshop/db/migrations");

    final TestDatabase db = Databases.postgres();
    final RecordingLog log = new RecordingLog();

    <T extends AbstractBellowsMojo> T mojo(T mojo) {
        mojo.location = BOOKSHOP;
        mojo.url = db.url();
        mojo.user = db.user();
        mojo.password = db.password();
        mojo.setLog(log);
        mojo.environment = Map.of();
        return mojo;
    }

    <T extends AbstractApplyMojo> T to(T mojo, String release) {
        mojo(mojo).to = release;
        return mojo;
    }

    @Test
    void upgradeStatusCheckContractThroughTheGoals() throws Exception {
        to(new UpgradeMojo(), "1.1").execute();
        assertThat(log.text()).contains("expand 1.0: 2 files", "expand 1.1: 3 files", "migrate 1.1: 1 file");
        assertThat(db.count("SELECT count(*) FROM books WHERE isbn IS NULL")).isZero();

        mojo(new StatusMojo()).execute();
        assertThat(log.text()).containsPattern("1\\.1 +applied 3/3 +applied 1/1 +pending 0/1")
                .contains("next: bellows:contract -Dbellows.to=1.1");

        CheckMojo check = mojo(new CheckMojo());
        assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("next: bellows:contract -Dbellows.to=1.1");

        to(new ContractMojo(), "1.1").execute();
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'legacy_code'"))
                .isZero();
        to(new UpgradeMojo(), null).execute();
        to(new ContractMojo(), null).execute();
        mojo(new CheckMojo()).execute();
        assertThat(log.lines).last().isEqualTo("[INFO] up to date");
    }

    @Test
    void aRefusedStepFailsTheBuildWithBellowsReason() throws Exception {
        MigrateMojo migrate = to(new MigrateMojo(), "1.1");
        assertThatThrownBy(migrate::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("bellows: migrate 1.1 needs expand 1.1 first");

        ContractMojo contract = to(new ContractMojo(), null);
        assertThatThrownBy(contract::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("bellows: contract 1.1 needs expand 1.1 first");
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'books'")).isZero();
    }

    @Test
    void planPrintsStepsAndNumberedSqlWithoutRunningThem() throws Exception {
        PlanMojo plan = mojo(new PlanMojo());
        plan.command = "upgrade";
        plan.to = "1.1";
        plan.execute();
        assertThat(log.text()).contains("expand 1.1: 3 files",
                "002_books_isbn_index.sql  [statement by statement, pending]",
                "       3 | ALTER TABLE books ADD COLUMN isbn varchar(20)", "migrate 1.1: 1 file");
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'books'")).isZero();
    }

    @Test
    void planCanFailTheBuildOnARefusedStep() {
        PlanMojo plan = mojo(new PlanMojo());
        plan.command = "contract";
        plan.failOnRefusal = true;
        assertThatThrownBy(plan::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("contract 1.1 needs expand 1.1 first");
        assertThat(log.text()).contains("[WARNING] REFUSED: contract 1.1 needs expand 1.1 first");
    }

    @Test
    void configurationAndDatabaseProblemsAreExecutionErrors(@TempDir Path dir) {
        UpgradeMojo noUrl = to(new UpgradeMojo(), null);
        noUrl.url = " ";
        assertThatThrownBy(noUrl::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("-Dbellows.url=jdbc:postgresql://HOST/DB").hasMessageContaining("BELLOWS_URL");

        UpgradeMojo badLocation = to(new UpgradeMojo(), null);
        badLocation.location = dir.resolve("nope").toFile();
        assertThatThrownBy(badLocation::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("nope").hasMessageContaining("does not exist");

        new MigrationTree(dir).file("1.0", "expand", "001_broken.sql", "CREATE TABLE t (id int;\n");
        UpgradeMojo broken = to(new UpgradeMojo(), null);
        broken.location = dir.toFile();
        assertThatThrownBy(broken::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("001_broken.sql");

        StatusMojo unreachable = mojo(new StatusMojo());
        unreachable.url = "jdbc:postgresql://127.0.0.1:1/nothing";
        unreachable.password = "s3cret-pw";
        assertThatThrownBy(unreachable::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/nothing")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void contractWaitsForLiveInstancesOfOlderReleasesUnlessForced() throws Exception {
        to(new UpgradeMojo(), "1.1").execute();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.url());
        ds.setUser(db.user());
        try (BellowsInstance old = BellowsInstance.builder(ds, "1.0").id("old-1.0").register()) {
            ContractMojo contract = to(new ContractMojo(), "1.1");
            assertThatThrownBy(contract::execute).isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("contract refused").hasMessageContaining("instance old-1.0");
            mojo(new StatusMojo()).execute();
            assertThat(log.text()).contains("contract safe: no (instance old-1.0",
                    "live instances: 1 of release 1.0");

            ContractMojo forced = to(new ContractMojo(), "1.1");
            forced.force = true;
            forced.confirm = true;
            forced.execute();
            assertThat(log.text()).contains("WARNING: contract FORCED by");
            assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'legacy_code'"))
                    .isZero();
        }
    }

    @Test
    void theConnectionCanComeFromTheCliEnvironmentVariables() throws Exception {
        StatusMojo status = mojo(new StatusMojo());
        status.url = null;
        status.user = null;
        status.environment = Map.of("BELLOWS_URL", db.url(), "BELLOWS_USER", db.user(),
                "BELLOWS_PASSWORD", db.password());
        status.execute();
        assertThat(log.text()).contains("next: bellows:expand");

        StatusMojo parameterWins = mojo(new StatusMojo());
        parameterWins.environment = Map.of("BELLOWS_URL", "jdbc:postgresql://127.0.0.1:1/elsewhere");
        parameterWins.execute();
    }

    @Test
    void contractForceNeedsConfirm() {
        ContractMojo contract = to(new ContractMojo(), null);
        contract.force = true;
        assertThatThrownBy(contract::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("-Dbellows.confirm");
    }

    @Test
    void skipRunsNothing() throws Exception {
        UpgradeMojo upgrade = to(new UpgradeMojo(), null);
        upgrade.skip = true;
        upgrade.url = null;
        upgrade.execute();
        assertThat(log.text()).contains("skipped");
    }

    /** A table of 30 rows filled by a batched migrate file: the history records how many batches it took. */
    private UpgradeMojo batchedUpgrade(Path project) throws Exception {
        new MigrationTree(project.resolve("db/migrations"))
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, v int);\n"
                        + "INSERT INTO t SELECT g, NULL FROM generate_series(1, 30) g;")
                .file("1.0", "migrate", "001_fill.sql", "UPDATE t SET v = 1\n"
                        + "WHERE id IN (SELECT id FROM t WHERE v IS NULL ORDER BY id LIMIT :batch_size);");
        UpgradeMojo upgrade = to(new UpgradeMojo(), null);
        upgrade.location = null;
        upgrade.basedir = project.toFile();
        return upgrade;
    }

    private long batches() throws Exception {
        return db.count("SELECT batches FROM bellows_schema_history WHERE migration = '1.0/migrate/001_fill.sql'");
    }

    @Test
    void batchSettingsComeFromParametersEnvironmentOrTheProjectsBellowsYaml(@TempDir Path dir) throws Exception {
        UpgradeMojo fromEnv = batchedUpgrade(dir);
        fromEnv.environment = Map.of("BELLOWS_BATCH_MIN", "50", "BELLOWS_BATCH_MAX", "10");
        assertThatThrownBy(fromEnv::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("--batch-min (50) <= --batch-max (10)");

        UpgradeMojo badParameter = batchedUpgrade(dir);
        badParameter.lockTimeout = "soon";
        assertThatThrownBy(badParameter::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("bellows: bellows.lockTimeout must be a whole number >= 0, was 'soon'");

        java.nio.file.Files.writeString(dir.resolve("bellows.yaml"), "batch-size: 5\nbatch-min: 5\nbatch-max: 5\n"
                + "batch-pause: x\n");
        UpgradeMojo parameterWins = batchedUpgrade(dir);
        parameterWins.environment = Map.of("BELLOWS_BATCH_SIZE", "6");
        parameterWins.batchPause = "0";
        parameterWins.batchSize = "10";
        parameterWins.batchMax = "10";
        parameterWins.batchMin = "10";
        parameterWins.execute();
        assertThat(batches()).isEqualTo(3);
    }

    @Test
    void theProjectsBellowsYamlGivesConnectionLocationAndBatchSizes(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("bellows.yaml"), "url: " + db.url() + "\nuser: " + db.user()
                + "\npassword: " + db.password() + "\nlocation: db/migrations\n"
                + "batch-size: 6\nbatch-min: 6\nbatch-max: 6\nlock-wait: 5\n");
        UpgradeMojo upgrade = batchedUpgrade(dir);
        upgrade.url = null;
        upgrade.user = null;
        upgrade.password = null;
        assertThat(upgrade.config().options().lockWait()).isEqualTo(java.time.Duration.ofSeconds(5));
        upgrade.execute();
        assertThat(batches()).isEqualTo(5);

        UpgradeMojo environmentWins = batchedUpgrade(dir);
        environmentWins.environment = Map.of("BELLOWS_LOCK_WAIT", "7", "BELLOWS_LOCATION", "elsewhere");
        assertThat(environmentWins.config().options().lockWait()).isEqualTo(java.time.Duration.ofSeconds(7));
        assertThat(environmentWins.config().location()).isEqualTo(dir.resolve("elsewhere"));
    }

    @Test
    void theThrottleParametersReachTheEngine(@TempDir Path dir) throws Exception {
        // two sessions wait on an advisory lock (state active) while the batches run: more than 1
        try (java.sql.Connection holder = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             java.sql.Statement hold = holder.createStatement()) {
            hold.execute("SELECT pg_advisory_lock(4242)");
            List<Thread> waiters = List.of(advisoryWaiter(), advisoryWaiter());
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE '%pg_advisory_lock(4242)%'") < 2) {
                assertThat(System.nanoTime()).as("two sessions wait on the lock").isLessThan(deadline);
                Thread.sleep(20);
            }
            UpgradeMojo upgrade = batchedUpgrade(dir);
            upgrade.batchSize = "10";
            upgrade.batchMin = "10";
            upgrade.batchMax = "10";
            upgrade.maxActiveSessions = "1";
            upgrade.maxCommitLatency = "60000";
            upgrade.execute();
            assertThat(log.text()).contains("other session(s) running statements, more than --max-active-sessions");
            assertThat(batches()).isEqualTo(3);
            hold.execute("SELECT pg_advisory_unlock(4242)");
            for (Thread t : waiters) {
                t.join(60_000);
            }
        }

        TestDatabase fresh = Databases.postgres();
        UpgradeMojo lagWithoutReplicas = batchedUpgrade(dir.resolve("other"));
        lagWithoutReplicas.url = fresh.url();
        lagWithoutReplicas.maxReplicaLag = "1000";
        assertThatThrownBy(lagWithoutReplicas::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("the primary reports no replica");

        UpgradeMojo urlWithoutLag = batchedUpgrade(dir.resolve("third"));
        urlWithoutLag.replicaUrl = db.url();
        assertThatThrownBy(urlWithoutLag::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("bellows.replicaUrl names replicas");

        UpgradeMojo badLatency = batchedUpgrade(dir.resolve("fourth"));
        badLatency.maxCommitLatency = "-5";
        assertThatThrownBy(badLatency::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("bellows.maxCommitLatency");
    }

    private Thread advisoryWaiter() {
        Thread t = new Thread(() -> {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
                 java.sql.Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_lock(4242)");
                st.execute("SELECT pg_advisory_unlock(4242)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }
}
