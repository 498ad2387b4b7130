package dev.bellows.history;

import dev.bellows.db.Dialect;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bellows_schema_history} table: created on first use, one row per migration file
 * (updated as it progresses) plus one marker row per completed (release, phase).
 */
public final class HistoryTable {

    public static final String NAME = "bellows_schema_history";

    private final Dialect dialect;
    private final String table;

    public HistoryTable(Dialect dialect) {
        this.dialect = dialect;
        this.table = dialect.quote(NAME);
    }

    public boolean exists(Connection c) throws SQLException {
        return dialect.tableExists(c, NAME);
    }

    public void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : dialect.createHistoryTable(NAME)) {
                st.execute(ddl);
            }
        }
    }

    /** All rows, oldest first; empty when the table does not exist yet. */
    public List<AppliedMigration> read(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        List<AppliedMigration> out = new ArrayList<>();
        String sql = "SELECT migration, release_name, phase, file_name, checksum, statements_total, statements_done, "
                + "done_checksum, rows_affected, batches, started_at, finished_at, duration_ms, outcome, applied_by, "
                + "host, message FROM " + table + " ORDER BY id";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Timestamp finished = rs.getTimestamp(12);
                long duration = rs.getLong(13);
                Long durationMs = rs.wasNull() ? null : duration;
                out.add(new AppliedMigration(rs.getString(1), Release.of(rs.getString(2)),
                        Phase.fromId(rs.getString(3)).orElseThrow(), rs.getString(4), rs.getString(5).trim(),
                        rs.getInt(6), rs.getInt(7), trim(rs.getString(8)), rs.getLong(9), rs.getLong(10),
                        rs.getTimestamp(11).toInstant(), finished == null ? null : finished.toInstant(), durationMs,
                        AppliedMigration.Outcome.of(rs.getString(14)), rs.getString(15), rs.getString(16),
                        rs.getString(17)));
            }
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /**
     * Records that a migration starts (or restarts): a new row, or the existing row of an
     * interrupted or failed attempt set back to running, keeping its progress.
     */
    public void start(Connection c, Migration m, Actor actor) throws SQLException {
        String update = "UPDATE " + table + " SET checksum = ?, statements_total = ?, outcome = ?, applied_by = ?, "
                + "host = ?, message = NULL, finished_at = NULL, duration_ms = NULL WHERE migration = ?";
        try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setString(1, m.checksum());
            ps.setInt(2, m.statements().size());
            ps.setString(3, AppliedMigration.Outcome.RUNNING.id());
            ps.setString(4, actor.user());
            ps.setString(5, actor.host());
            ps.setString(6, m.id());
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        insert(c, m.id(), m.release(), m.phase(), m.fileName(), m.checksum(), m.statements().size(),
                AppliedMigration.Outcome.RUNNING, actor, null, false);
    }

    private void insert(Connection c, String migration, Release release, Phase phase, String fileName,
                        String checksum, int total, AppliedMigration.Outcome outcome, Actor actor, String message,
                        boolean finished) throws SQLException {
        String insert = "INSERT INTO " + table + " (migration, release_name, phase, file_name, checksum, "
                + "statements_total, started_at, outcome, applied_by, host, message, finished_at, duration_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?, ?, ?, ?, "
                + (finished ? "CURRENT_TIMESTAMP, 0)" : "NULL, NULL)");
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, migration);
            ps.setString(2, release.name());
            ps.setString(3, phase.id());
            ps.setString(4, fileName);
            ps.setString(5, checksum);
            ps.setInt(6, total);
            ps.setString(7, outcome.id());
            ps.setString(8, actor.user());
            ps.setString(9, actor.host());
            ps.setString(10, message);
            ps.executeUpdate();
        }
    }

    /** Progress of a statement-by-statement or batched migration. */
    public void progress(Connection c, String migration, int statementsDone, String doneChecksum, long addRows,
                         long addBatches) throws SQLException {
        String sql = "UPDATE " + table + " SET statements_done = ?, done_checksum = ?, "
                + "rows_affected = rows_affected + ?, batches = batches + ? WHERE migration = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, statementsDone);
            ps.setString(2, doneChecksum);
            ps.setLong(3, addRows);
            ps.setLong(4, addBatches);
            ps.setString(5, migration);
            ps.executeUpdate();
        }
    }

    public void finish(Connection c, String migration, AppliedMigration.Outcome outcome, long durationMs,
                       String message) throws SQLException {
        String sql = "UPDATE " + table + " SET outcome = ?, finished_at = CURRENT_TIMESTAMP, duration_ms = ?, "
                + "message = ? WHERE migration = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, outcome.id());
            ps.setLong(2, durationMs);
            ps.setString(3, message == null || message.length() <= 4000 ? message : message.substring(0, 4000));
            ps.setString(4, migration);
            ps.executeUpdate();
        }
    }

    /** Marks {@code phase} complete up to {@code release}; {@code message} notes e.g. a forced contract. */
    public void markComplete(Connection c, Release release, Phase phase, Actor actor, String message)
            throws SQLException {
        String id = release.name() + "/" + phase.id();
        String sql = "UPDATE " + table + " SET applied_by = ?, host = ?, finished_at = CURRENT_TIMESTAMP, "
                + "message = ? WHERE migration = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, actor.user());
            ps.setString(2, actor.host());
            ps.setString(3, message);
            ps.setString(4, id);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        insert(c, id, release, phase, "", "-", 0, AppliedMigration.Outcome.COMPLETE, actor, message, true);
    }

    /**
     * Records a baseline: the row {@code baseline} and completion markers of every phase at {@code release},
     * so that every release up to it counts as applied and nothing of it is ever run.
     */
    public void baseline(Connection c, Release release, Actor actor, String message) throws SQLException {
        insert(c, AppliedMigration.BASELINE_ID, release, Phase.CONTRACT, "", "-", 0,
                AppliedMigration.Outcome.BASELINE, actor, message, true);
        for (Phase phase : Phase.values()) {
            markComplete(c, release, phase, actor, message);
        }
    }

    /** {@code repair}: accepts the current checksum of an applied file. */
    public void updateChecksum(Connection c, String migration, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET checksum = ? WHERE migration = ?")) {
            ps.setString(1, checksum);
            ps.setString(2, migration);
            ps.executeUpdate();
        }
    }

    /** {@code repair}: forgets the row of a file that no longer exists. */
    public void delete(Connection c, String migration) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE migration = ?")) {
            ps.setString(1, migration);
            ps.executeUpdate();
        }
    }
}
