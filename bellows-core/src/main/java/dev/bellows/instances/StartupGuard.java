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

    /** The newest release whose {@code phase} has a completion marker. */
    static Optional<Release> newestComplete(List<AppliedMigration> rows, Phase phase) {
        return rows.stream()
                .filter(r -> r.isMarker() && r.outcome() == AppliedMigration.Outcome.COMPLETE && r.phase() == phase)
                .map(AppliedMigration::release)
                .max(Comparator.naturalOrder());
    }
}
