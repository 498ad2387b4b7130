package dev.bellows.instances;

import dev.bellows.db.Dialect;
import dev.bellows.history.AppliedMigration;
import dev.bellows.history.HistoryTable;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the schema can serve release N, from the phase-completion markers in
 * {@code bellows_schema_history} (rows with an empty file name and outcome {@code complete}):
 * N may start when expand is complete up to a release ≥ N and no release newer than N has been
 * contracted. No history table means nothing has been applied.
 */
public final class StartupGuard {

    private final HistoryTable history;

    public StartupGuard(Dialect dialect) {
        this.history = new HistoryTable(dialect);
    }

    /** Empty when release {@code release} may start against this database, else why not. */
    public Optional<StartupRefusal> check(Connection c, Release release) throws SQLException {
        List<AppliedMigration> rows = history.read(c);
        Optional<Release> expanded = newestComplete(rows, Phase.EXPAND);
        Optional<Release> contracted = newestComplete(rows, Phase.CONTRACT);
        if (expanded.isEmpty() || expanded.get().compareTo(release) < 0) {
            return Optional.of(new StartupRefusal(release, StartupRefusal.Reason.NOT_EXPANDED, expanded, contracted));
        }
        if (contracted.isPresent() && contracted.get().compareTo(release) > 0) {
            return Optional.of(new StartupRefusal(release, StartupRefusal.Reason.CONTRACTED_PAST, expanded,
                    contracted));
        }
        return Optional.empty();
    }

    /** Longest a registration waits for a running contract to finish. */
    public static final java.time.Duration CONTRACT_WAIT = java.time.Duration.ofSeconds(30);

    /**
     * Checks the schema for {@code registration}'s release and registers it when the schema serves it (or
     * {@code anyway}), under the contract lock and committed before the lock is released: a contract
     * that runs meanwhile finishes first and the check sees it, or the contract's gate sees this row.
     *
     * @return why the schema does not serve the release; empty when it does
     * @throws StartupRefusedException when it does not and not {@code anyway} (nothing registered)
     */
    public Optional<StartupRefusal> register(Connection c, InstanceRegistry registry, Registration registration,
                                             boolean anyway) throws SQLException {
        Dialect dialect = registry.dialect();
        if (!dialect.tryContractLock(c, CONTRACT_WAIT)) {
            throw new SQLException("a contract has been running on this database for more than "
                    + CONTRACT_WAIT.toSeconds() + " s; instances register when it has finished");
        }
        try {
            Optional<StartupRefusal> refusal = check(c, registration.release());
            if (refusal.isPresent() && !anyway) {
                throw new StartupRefusedException(refusal.get());
            }
            registry.register(c, registration);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return refusal;
        } finally {
            dialect.releaseContractLock(c);
        }
    }

    /** The newest release whose {@code phase} has a completion marker. */
    static Optional<Release> newestComplete(List<AppliedMigration> rows, Phase phase) {
        return rows.stream()
                .filter(r -> r.isMarker() && r.outcome() == AppliedMigration.Outcome.COMPLETE && r.phase() == phase)
                .map(AppliedMigration::release)
                .max(Comparator.naturalOrder());
    }
}
