package dev.bellows.instances;

import dev.bellows.db.Dialect;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Decides whether the schema can serve release N, from the phase-completion markers in
 * {@code bellows_schema_history} (rows with an empty {@code file_name} and outcome {@code complete}):
 * N may start when expand is complete up to a release ≥ N and no release newer than N has been
 * contracted. No history table means nothing has been applied.
 */
public final class StartupGuard {

    public static final String HISTORY_TABLE = "bellows_schema_history";

    private final Dialect dialect;

    public StartupGuard(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Empty when release {@code release} may start against this database, else why not. */
    public Optional<StartupRefusal> check(Connection c, Release release) throws SQLException {
        Optional<Release> expanded = newestComplete(c, Phase.EXPAND);
        Optional<Release> contracted = newestComplete(c, Phase.CONTRACT);
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
    Optional<Release> newestComplete(Connection c, Phase phase) throws SQLException {
        if (!Tables.exists(c, HISTORY_TABLE)) {
            return Optional.empty();
        }
        String sql = "SELECT release_name FROM " + dialect.quote(HISTORY_TABLE)
                + " WHERE phase = ? AND file_name = '' AND outcome = 'complete'";
        Release newest = null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, phase.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<Release> r = Release.parse(rs.getString(1));
                    if (r.isPresent() && (newest == null || r.get().compareTo(newest) > 0)) {
                        newest = r.get();
                    }
                }
            }
        }
        return Optional.ofNullable(newest);
    }
}
