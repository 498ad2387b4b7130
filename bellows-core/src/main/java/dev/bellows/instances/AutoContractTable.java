package dev.bellows.instances;

import dev.bellows.db.Dialect;
import dev.bellows.model.Release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * The table {@code bellows_auto_contract}: at most one waiting automatic contract ({@link PendingContract}),
 * shared by every instance with {@code contract=auto} and read by {@code status}. Times are epoch
 * milliseconds of the database's clock ({@link InstanceRegistry#databaseNow}), never an instance's own, so
 * instances with skewed clocks agree on when the contract is due. Reads never create the table; writes do. Works on the
 * caller's connection and transaction mode.
 */
public final class AutoContractTable {

    public static final String NAME = "bellows_auto_contract";

    private final Dialect dialect;
    private final String table;

    public AutoContractTable(Dialect dialect) {
        this.dialect = dialect;
        this.table = dialect.quote(NAME);
    }

    public Optional<PendingContract> read(Connection c) throws SQLException {
        if (!dialect.tableExists(c, NAME)) {
            return Optional.empty();
        }
        String sql = "SELECT release_name, since_ms, due_ms, decided_by FROM " + table + " ORDER BY due_ms";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Optional<Release> r = Release.parse(rs.getString(1));
                if (r.isPresent()) {
                    return Optional.of(new PendingContract(r.get(), Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                }
            }
        }
        return Optional.empty();
    }

    /** Replaces whatever waits with {@code p}. */
    public void write(Connection c, PendingContract p) throws SQLException {
        create(c);
        clear(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (release_name, since_ms, due_ms, decided_by) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, p.release().name());
            ps.setLong(2, p.since().toEpochMilli());
            ps.setLong(3, ceilMillis(p.due()));
            ps.setString(4, p.decidedBy());
            ps.executeUpdate();
        }
    }

    /** A due time is stored rounded up to the millisecond, so storing never makes a contract due earlier. */
    static long ceilMillis(Instant t) {
        return t.toEpochMilli() + (t.getNano() % 1_000_000 == 0 ? 0 : 1);
    }

    /** Forgets any waiting contract; true when there was one. */
    public boolean clear(Connection c) throws SQLException {
        if (!dialect.tableExists(c, NAME)) {
            return false;
        }
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("DELETE FROM " + table) > 0;
        }
    }

    private void create(Connection c) throws SQLException {
        if (dialect.tableExists(c, NAME)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                    + "release_name varchar(64) NOT NULL PRIMARY KEY, "
                    + "since_ms bigint NOT NULL, "
                    + "due_ms bigint NOT NULL, "
                    + "decided_by varchar(128) NOT NULL"
                    + ")" + dialect.tableOptions());
        }
    }
}
