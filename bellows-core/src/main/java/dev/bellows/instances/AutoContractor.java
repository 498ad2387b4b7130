package dev.bellows.instances;

import dev.bellows.DatabaseException;
import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.RunResult;
import dev.bellows.run.Runner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One step of {@code contract=auto}, called periodically by whatever hosts it (the Spring Boot starter
 * schedules it): reads the schema state, the live instances and the waiting contract; asks
 * {@link AutoContract}; records, cancels or runs. The contract itself runs through the {@link Runner}
 * under the migrator lock, where the live-instance gate is asked again: an older instance that came back
 * between the decision and the lock still stops it. Each run is recorded on the contract's completion
 * row in history as automatic. Every time it compares comes from the database's clock, read on the same
 * connection as the live instances.
 */
public final class AutoContractor {

    private static final Logger LOG = LoggerFactory.getLogger(AutoContractor.class);

    private final Runner runner;
    private final ConnectionSettings db;
    private final AutoContract policy;
    private final String self;
    private final Release selfRelease;

    /**
     * @param self        the id of the instance this runs in, recorded with a wait it starts and the contract it runs
     * @param selfRelease the release that instance runs: an instance never contracts past its own release
     */
    public AutoContractor(Runner runner, ConnectionSettings db, AutoContract policy, String self, Release selfRelease) {
        this.runner = runner;
        this.db = db;
        this.policy = policy;
        this.self = self;
        this.selfRelease = selfRelease;
    }

    /** What one tick did. */
    public enum Outcome { IDLE, CANCELLED, BLOCKED, WAITING, STARTED_WAIT, CONTRACTED, REFUSED }

    /** One decision; never throws for database trouble (logged, and the next tick tries again). */
    public Outcome tick() {
        AutoContract.Decision d;
        try (Connection c = db.connect()) {
            d = decideAndRecord(c);
        } catch (SQLException | DatabaseException e) {
            LOG.warn("automatic contract: cannot read the state now ({}); trying again at the next check",
                    e.getMessage());
            return Outcome.IDLE;
        }
        if (d instanceof AutoContract.Decision.Wait w) {
            return w.started() ? Outcome.STARTED_WAIT : Outcome.WAITING;
        }
        if (d instanceof AutoContract.Decision.Blocked) {
            return Outcome.BLOCKED;
        }
        if (!(d instanceof AutoContract.Decision.Run run)) {
            return Outcome.IDLE;
        }
        return contract(run.pending());
    }

    private AutoContract.Decision decideAndRecord(Connection c) throws SQLException {
        InstanceRegistry registry = InstanceRegistry.forConnection(c);
        AutoContractTable table = new AutoContractTable(registry.dialect());
        Optional<PendingContract> pending = table.read(c);
        Optional<Release> candidate = AutoContract.candidate(runner.state(c));
        List<Instance> live = registry.live(c);
        Instant now = registry.databaseNow(c);
        AutoContract.Decision d = policy.decide(candidate, live, pending, self, selfRelease, now);
        if (d instanceof AutoContract.Decision.Idle idle) {
            if (pending.isPresent() && table.clear(c)) {
                LOG.info("automatic contract of {} no longer pending: {}", pending.get().release(), idle.reason());
            }
        } else if (d instanceof AutoContract.Decision.Blocked b) {
            if (pending.isPresent() && table.clear(c)) {
                if (b.selfOlder()) {
                    LOG.warn("automatic contract of {} cancelled: this instance ({}) runs release {} and is live",
                            b.release(), self, selfRelease);
                } else {
                    LOG.warn("automatic contract of {} cancelled: {} still live: {}", b.release(),
                            b.older().size() == 1 ? "an older instance is" : b.older().size() + " older instances are",
                            b.older().stream().map(Instance::describe).collect(Collectors.joining("; ")));
                }
            }
        } else if (d instanceof AutoContract.Decision.Wait w && w.started()) {
            table.write(c, w.pending());
            LOG.info("every live instance runs {} or newer and its migrate phase is complete: {}",
                    w.pending().release(), w.pending().describe(now));
        }
        return d;
    }

    private Outcome contract(PendingContract p) {
        String note = "AUTOMATIC contract by instance " + self + ": every live instance ran " + p.release()
                + " or newer since " + p.since() + " (contract delay " + Ages.format(policy.delay()) + ")";
        LOG.info("automatic contract of {} is due: running contract {}", p.release(), p.release());
        try {
            RunResult result = runner.run(Command.CONTRACT, p.release(), note);
            clearQuietly();
            if (result.filesApplied() == 0 && result.steps().isEmpty()) {
                LOG.info("automatic contract of {}: already done by another instance", p.release());
            } else {
                LOG.info("automatic contract of {} done: {} file(s) in {} ms, recorded in history as automatic",
                        p.release(), result.filesApplied(), result.millis());
            }
            return Outcome.CONTRACTED;
        } catch (RefusedException e) {
            clearQuietly();
            LOG.warn("automatic contract of {} refused and cancelled: {}", p.release(), e.getMessage());
            return Outcome.REFUSED;
        } catch (RuntimeException e) {
            LOG.error("automatic contract of {} failed: {}; it is retried at the next check, or run "
                    + "`bellows contract --to {}` by hand", p.release(), e.getMessage(), p.release());
            return Outcome.REFUSED;
        }
    }

    private void clearQuietly() {
        try (Connection c = db.connect()) {
            new AutoContractTable(InstanceRegistry.forConnection(c).dialect()).clear(c);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not clear the waiting automatic contract: {}", e.getMessage());
        }
    }
}
