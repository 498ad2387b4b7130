package dev.bellows.bench.scenario;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.cli.demo.Latencies;
import dev.bellows.data.BatchOptions;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.ContractGuard;
import dev.bellows.run.RunOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one scenario on one database twice, each time on a fresh database at release 1.0 with the
 * same rows and the same load: the Bellows way (expand, switch the instances one by one, migrate,
 * contract once no 1.0 instance is left) and the naive way (one migration while 1.0 runs, then the
 * same switch).
 */
final class ScenarioRun {

    static final Release OLD = Release.of("1.0");
    static final Release NEW = Release.of("2.0");

    /** Size and pace of a run. */
    record Settings(long rows, int clients, int instances, double rate, long holdMillis, long timeoutMillis) {
    }

    /** What one way of doing the change produced. */
    record Way(Latencies latencies, long seconds100ths, String migrationError) {
        long requests() {
            return latencies.requests();
        }

        long failed() {
            return latencies.failed();
        }
    }

    /** Both ways, and the data check after the Bellows way (rows wrong for 2.0; must be 0). */
    record Result(Scenario scenario, Target target, Way bellows, Way naive, long wrongRows) {
    }

    private final Target target;
    private final Target.Server server;
    private final Settings settings;
    private final Consumer<String> log;

    ScenarioRun(Target target, Target.Server server, Settings settings, Consumer<String> log) {
        this.target = target;
        this.server = server;
        this.settings = settings;
        this.log = log;
    }

    Result run(Scenario s, String dbPrefix) throws Exception {
        Path dir = Files.createTempDirectory("bellows-scenario-");
        try {
            Path bellowsFiles = write(dir.resolve("bellows"), s.release10(target), s.release20(target));
            Path naiveFiles = write(dir.resolve("naive"), s.release10(target), Map.of());
            ConnectionSettings bellowsDb = prepare(s, dbPrefix + "_b", bellowsFiles);
            Way bellows = bellowsWay(s, bellowsDb, bellowsFiles);
            long wrong;
            try (Connection c = bellowsDb.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(s.check(target))) {
                rs.next();
                wrong = rs.getLong(1);
            }
            ConnectionSettings naiveDb = prepare(s, dbPrefix + "_n", naiveFiles);
            Way naive = naiveWay(s, naiveDb);
            return new Result(s, target, bellows, naive, wrong);
        } finally {
            delete(dir);
        }
    }

    private ConnectionSettings prepare(Scenario s, String name, Path files) throws SQLException {
        ConnectionSettings db = server.create(name);
        new Bellows(new BellowsConfig(files, db, RunOptions.defaults())).applyAll(OLD);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : s.seed(target, settings.rows())) {
                st.execute(sql);
            }
            st.execute(target == Target.POSTGRESQL ? "VACUUM ANALYZE" : "SELECT 1");
        }
        return db;
    }

    private Way bellowsWay(Scenario s, ConnectionSettings db, Path files) throws Exception {
        Latencies latencies = new Latencies();
        latencies.enter("1.0 only");
        long t0 = System.nanoTime();
        try (Load load = load(s, db, latencies)) {
            ContractGuard noOld = (c, release) -> load.oldInstances() == 0 ? List.of()
                    : List.of(load.oldInstances() + " instance(s) still run release 1.0");
            RunOptions options = RunOptions.defaults()
                    .withContractGuard(noOld, false)
                    .withBatching(BatchOptions.defaults().withTarget(java.time.Duration.ofMillis(50)));
            Bellows bellows = new Bellows(new BellowsConfig(files, db, options));
            Thread.sleep(settings.holdMillis());
            latencies.enter("expand");
            bellows.run(Command.EXPAND, NEW);
            rollout(load, latencies);
            latencies.enter("migrate");
            bellows.run(Command.MIGRATE, NEW);
            latencies.enter("contract");
            bellows.run(Command.CONTRACT, NEW);
            latencies.enter("2.0 only");
            Thread.sleep(settings.holdMillis());
        }
        return new Way(latencies, (System.nanoTime() - t0) / 10_000_000, null);
    }

    private Way naiveWay(Scenario s, ConnectionSettings db) throws Exception {
        Latencies latencies = new Latencies();
        long t0 = System.nanoTime();
        String error = null;
        latencies.enter("1.0 only");
        try (Load load = load(s, db, latencies)) {
            Thread.sleep(settings.holdMillis());
            latencies.enter("migration");
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                for (String sql : s.naive(target)) {
                    st.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                error = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                log.accept("   naive migration failed: " + error);
            }
            rollout(load, latencies);
            latencies.enter("2.0 only");
            Thread.sleep(settings.holdMillis());
        }
        return new Way(latencies, (System.nanoTime() - t0) / 10_000_000, error);
    }

    private Load load(Scenario s, ConnectionSettings db, Latencies latencies) throws InterruptedException {
        return new Load(target, db, settings.clients(), settings.instances(), settings.rate(),
                settings.timeoutMillis(), s.oldRelease(), s.newRelease(), settings.rows(), latencies);
    }

    private void rollout(Load load, Latencies latencies) throws InterruptedException {
        latencies.enter("rollout");
        long pause = Math.max(50, settings.holdMillis() / settings.instances());
        for (int i = 0; i < settings.instances(); i++) {
            load.switchNext();
            Thread.sleep(pause);
        }
    }

    private static Path write(Path root, Map<String, String> first, Map<String, String> second) throws IOException {
        List<Map<String, String>> all = new ArrayList<>(List.of(first, second));
        for (Map<String, String> files : all) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = root.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
        }
        return root;
    }

    private static void delete(Path root) throws IOException {
        try (var all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
