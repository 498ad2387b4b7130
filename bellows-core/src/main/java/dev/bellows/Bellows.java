package dev.bellows;

import dev.bellows.instances.Instance;
import dev.bellows.instances.InstanceRegistry;
import dev.bellows.instances.LiveInstancesGuard;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.ContractGuard;
import dev.bellows.run.Plan;
import dev.bellows.run.RunResult;
import dev.bellows.run.Runner;
import dev.bellows.run.SchemaState;
import dev.bellows.run.StatusReader;
import dev.bellows.run.StatusReport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.bellows.legacy.LegacyStatus;

/**
 * The public Java API: what the CLI, the Maven plugin and the JUnit extension call. Each method
 * loads the migrations (failing with a {@link ConfigurationException} before touching the
 * database when they are malformed) and delegates to the engine.
 */
public final class Bellows {

    private final BellowsConfig config;
    private final MigrationSet migrations;
    private final Runner runner;

    private final ContractGuard guard;

    /**
     * The contract gate is always on: live instances of older releases block contract (only
     * {@code force} overrides it), in addition to any guard given in the options.
     */
    public Bellows(BellowsConfig config) {
        this.config = config;
        dev.bellows.sql.SqlSyntax syntax = config.connection().dialect().syntax();
        this.migrations = dev.bellows.load.Placeholders.resolve(MigrationLoader.load(config.location(), syntax),
                config.placeholders(), syntax);
        this.guard = new LiveInstancesGuard().and(config.options().contractGuard());
        this.runner = new Runner(config.connection(), migrations,
                config.options().withContractGuard(guard, config.options().force()), config.legacy());
    }

    public MigrationSet migrations() {
        return migrations;
    }

    public Runner runner() {
        return runner;
    }

    public RunResult expand(Release to) {
        return runner.run(Command.EXPAND, to);
    }

    public RunResult migrate(Release to) {
        return runner.run(Command.MIGRATE, to);
    }

    public RunResult contract(Release to) {
        return runner.run(Command.CONTRACT, to);
    }

    public RunResult upgrade(Release to) {
        return runner.run(Command.UPGRADE, to);
    }

    /** Every phase of every release up to {@code to}, release by release: for fresh databases. */
    public RunResult applyAll(Release to) {
        return runner.runAll(to);
    }

    public RunResult run(Command command, Release to) {
        return runner.run(command, to);
    }

    public Plan plan(Command command, Release to) {
        return runner.plan(command, to);
    }

    /** The legacy history (Flyway, Liquibase) as its engine sees it now; empty when none is configured. */
    public Optional<LegacyStatus> legacyStatus() {
        return runner.legacyStatus();
    }

    public SchemaState state() {
        return runner.state();
    }

    public StatusReport status() {
        List<String> blockers;
        try (Connection c = config.connection().connect()) {
            SchemaState state = runner.state(c);
            // Contract is judged for the next release it would contract; with nothing pending, for the newest.
            Release target = dev.bellows.run.Planner.plan(Command.CONTRACT, null, state).steps().stream()
                    .filter(s -> !s.pending().isEmpty()).map(dev.bellows.run.Step::release).findFirst()
                    .orElse(migrations.newest().orElse(null));
            blockers = target == null ? List.of() : guard.blockers(c, target);
            Map<String, Integer> perRelease = new LinkedHashMap<>();
            for (Instance i : InstanceRegistry.forConnection(c).live(c)) {
                perRelease.merge(i.release(), 1, Integer::sum);
            }
            StatusReport report = StatusReader.read(state, blockers).withLiveInstances(perRelease);
            return legacyStatus().map(l -> withLegacy(report, state, l)).orElse(report);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the status: " + e.getMessage(), e);
        }
    }

    /**
     * Takes over a database that already has a schema: every release up to {@code release} counts as applied
     * and is never run. Refused when the database already has Bellows history.
     */
    public String baseline(Release release) {
        return runner.baseline(release);
    }

    /** The status with the legacy step in front: a baseline still to record, pending or broken legacy entries. */
    private StatusReport withLegacy(StatusReport report, SchemaState state, LegacyStatus legacy) {
        boolean recorded = state.baselineRow().map(r -> !r.appliedBy().isEmpty()).orElse(false);
        StatusReport r = recorded ? report : report.withBaseline(Optional.of(config.legacy().orElseThrow().release()
                + " (not recorded yet: recorded when the legacy " + legacy.engine() + " history is complete)"));
        if (!legacy.problems().isEmpty()) {
            return r.withNext(Optional.of("fix-legacy"), "the legacy " + legacy.engine() + " history ("
                    + legacy.table() + ") has " + String.join("; ", legacy.problems()));
        }
        if (!legacy.pending().isEmpty() || !recorded) {
            return r.withNext(Optional.of("upgrade"), "the legacy " + legacy.engine() + " history "
                    + (legacy.pending().isEmpty() ? "is complete" : "has " + legacy.pending().size() + " pending ("
                    + String.join(", ", legacy.pending()) + ")") + ", then the baseline "
                    + config.legacy().get().release() + " is recorded"
                    + (report.next().isPresent() ? "; then: " + report.reason() : ""));
        }
        return r;
    }

    /**
     * The automatic contract that waits for its delay ({@code contract=auto} of the Spring Boot starter),
     * if any: which release, since when, when it is due.
     */
    public java.util.Optional<dev.bellows.instances.PendingContract> pendingAutoContract() {
        try (Connection c = config.connection().connect()) {
            return new dev.bellows.instances.AutoContractTable(runner.dialect()).read(c);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the waiting automatic contract: " + e.getMessage(), e);
        }
    }

    /**
     * The database's current time: the clock that judges liveness and when a waiting automatic contract is
     * due (pass it to {@link dev.bellows.instances.PendingContract#describe}).
     */
    public java.time.Instant databaseNow() {
        try (Connection c = config.connection().connect()) {
            return new dev.bellows.instances.InstanceRegistry(runner.dialect()).databaseNow(c);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the database's time: " + e.getMessage(), e);
        }
    }

    public List<String> repair() {
        return runner.repair();
    }

    /** {@code repair}, also recording the given migration ids as applied (their history rows were lost). */
    public List<String> repair(List<String> applied) {
        return runner.repair(applied);
    }
}
