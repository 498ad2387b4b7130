package dev.bellows.data;

import dev.bellows.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * {@code bellows_batch_progress}: the checkpoint of each batched statement, written in the same
 * transaction as the batch it describes. Created on first use.
 */
public final class ProgressTable {

    public static final String NAME = "bellows_batch_progress";

    private final Dialect dialect;
    private final String table;

    public ProgressTable(Dialect dialect) {
        this.dialect = dialect;
        this.table = dialect.quote(NAME);
    }

    public void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : dialect.createBatchProgressTable(NAME)) {
                st.execute(ddl);
            }
        }
    }

    /** Forgets every checkpoint of a migration ({@code repair}, when its file is gone); no table, nothing to do. */
    public void delete(Connection c, String migration) throws SQLException {
        if (!dialect.tableExists(c, NAME)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE migration = ?")) {
            ps.setString(1, migration);
            ps.executeUpdate();
        }
    }

    /** The checksum of the statement text the checkpoint was written for, when one was stored. */
    public Optional<String> statementChecksum(Connection c, String migration, int statement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT statement_sha FROM " + table
                + " WHERE migration = ? AND statement_no = ?")) {
            ps.setString(1, migration);
            ps.setInt(2, statement);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? Optional.of(rs.getString(1).trim()) : Optional.empty();
            }
        }
    }

    public Optional<BatchCheckpoint> read(Connection c, String migration, int statement) throws SQLException {
        String sql = "SELECT start_key, next_key, end_key, rows_done, batches, batch_size FROM " + table
                + " WHERE migration = ? AND statement_no = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, migration);
            ps.setInt(2, statement);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BatchCheckpoint(migration, statement, longOrNull(rs, 1), longOrNull(rs, 2),
                        longOrNull(rs, 3), rs.getLong(4), rs.getLong(5), rs.getInt(6)));
            }
        }
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * Stores the checkpoint (insert or update) in the caller's transaction, with the checksum of the
     * statement text it belongs to.
     */
    public void save(Connection c, BatchCheckpoint cp, String statementChecksum) throws SQLException {
        String update = "UPDATE " + table + " SET start_key = ?, next_key = ?, end_key = ?, rows_done = ?, "
                + "batches = ?, batch_size = ?, statement_sha = ? WHERE migration = ? AND statement_no = ?";
        try (PreparedStatement ps = c.prepareStatement(update)) {
            bind(ps, cp, statementChecksum);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        String insert = "INSERT INTO " + table + " (start_key, next_key, end_key, rows_done, batches, batch_size, "
                + "statement_sha, migration, statement_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            bind(ps, cp, statementChecksum);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, BatchCheckpoint cp, String statementChecksum)
            throws SQLException {
        setLong(ps, 1, cp.startKey());
        setLong(ps, 2, cp.nextKey());
        setLong(ps, 3, cp.endKey());
        ps.setLong(4, cp.rows());
        ps.setLong(5, cp.batches());
        ps.setInt(6, cp.batchSize());
        ps.setString(7, statementChecksum);
        ps.setString(8, cp.migration());
        ps.setInt(9, cp.statement());
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
