package dev.bellows.instances;

import dev.bellows.db.Dialect;
import dev.bellows.model.Release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code bellows_instances} table: which application instances run which release. Liveness is
 * judged by the database clock only: an instance is live while {@code heartbeat_at + ttl_seconds}
 * lies after the database's current time. Reads never create the table (a database without it has
 * no instances); writes create it on first use. Every method works on the caller's connection and
 * transaction mode and does not commit.
 */
public final class InstanceRegistry {

    public static final String TABLE = "bellows_instances";

    private final Dialect dialect;
    private final String table;

    public InstanceRegistry(Dialect dialect) {
        this.dialect = dialect;
        this.table = dialect.quote(TABLE);
    }

    /** The registry of the database a connection points at, its dialect taken from the JDBC URL. */
    public static InstanceRegistry forConnection(Connection c) throws SQLException {
        return new InstanceRegistry(Dialect.forUrl(c.getMetaData().getURL()));
    }

    public Dialect dialect() {
        return dialect;
    }

    public boolean exists(Connection c) throws SQLException {
        return dialect.tableExists(c, TABLE);
    }

    /** Creates the table unless it exists. */
    public void createTable(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            for (String ddl : dialect.createInstancesTable(TABLE)) {
                st.execute(ddl);
            }
        }
    }

    /**
     * Writes the instance's row, heartbeat now. A row with the same id is replaced: a restarted
     * instance that keeps its id (a pod name, a service name in a start script) takes its place.
     */
    public void register(Connection c, Registration r) throws SQLException {
        createTable(c);
        if (update(c, r) > 0) {
            return;
        }
        try {
            insert(c, r);
        } catch (SQLException e) {
            // Someone inserted the same id between our UPDATE and INSERT: the UPDATE now finds it.
            if (e.getSQLState() != null && e.getSQLState().startsWith("23") && update(c, r) > 0) {
                return;
            }
            throw e;
        }
    }

    private int update(Connection c, Registration r) throws SQLException {
        String now = dialect.currentTimestamp();
        String sql = "UPDATE " + table + " SET release_name = ?, host = ?, pid = ?, started_at = " + now
                + ", heartbeat_at = " + now + ", ttl_seconds = ?, metadata = ? WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.release().name());
            ps.setString(2, r.host());
            setPid(ps, 3, r.pid());
            ps.setInt(4, r.ttlSeconds());
            ps.setString(5, r.metadata());
            ps.setString(6, r.id());
            return ps.executeUpdate();
        }
    }

    private void insert(Connection c, Registration r) throws SQLException {
        String now = dialect.currentTimestamp();
        String sql = "INSERT INTO " + table + " (id, release_name, host, pid, started_at, heartbeat_at, ttl_seconds, "
                + "metadata) VALUES (?, ?, ?, ?, " + now + ", " + now + ", ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.id());
            ps.setString(2, r.release().name());
            ps.setString(3, r.host());
            setPid(ps, 4, r.pid());
            ps.setInt(5, r.ttlSeconds());
            ps.setString(6, r.metadata());
            ps.executeUpdate();
        }
    }

    private static void setPid(PreparedStatement ps, int index, Long pid) throws SQLException {
        if (pid == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, pid);
        }
    }

    /**
     * Records a heartbeat: one small UPDATE of a live row. Says whether the row was live, had expired (it is
     * live again now: {@link Heartbeat#REVIVED}, after a second UPDATE), or is missing (never registered,
     * deregistered, pruned, or the table is gone; nothing is written then).
     */
    public Heartbeat heartbeat(Connection c, String id) throws SQLException {
        String set = "UPDATE " + table + " SET heartbeat_at = " + dialect.currentTimestamp() + " WHERE id = ?";
        // in a transaction, a failed UPDATE (no table) must not abort it: PostgreSQL would refuse the next statement
        java.sql.Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            Heartbeat found = update(c, set + " AND " + liveCondition(), id) > 0 ? Heartbeat.LIVE
                    : update(c, set, id) > 0 ? Heartbeat.REVIVED : Heartbeat.MISSING;
            if (before != null) {
                c.releaseSavepoint(before);
            }
            return found;
        } catch (SQLException e) {
            if (before != null) {
                try {
                    c.rollback(before);
                } catch (SQLException again) {
                    e.addSuppressed(again);
                    throw e;
                }
            }
            boolean tableThere;
            try {
                tableThere = exists(c);
            } catch (SQLException again) {
                e.addSuppressed(again);
                throw e;
            }
            if (!tableThere) {
                return Heartbeat.MISSING;
            }
            throw e;
        }
    }

    private static int update(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            return ps.executeUpdate();
        }
    }

    /** Removes the instance's row; false when there was none. */
    public boolean deregister(Connection c, String id) throws SQLException {
        if (!exists(c)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    /** Removes the rows of instances silent for longer than their TTL; returns how many. */
    public int prune(Connection c) throws SQLException {
        if (!exists(c)) {
            return 0;
        }
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("DELETE FROM " + table + " WHERE NOT (" + liveCondition() + ")");
        }
    }

    /** Every registered instance, live or expired, ordered by release (version-aware), then id. */
    public List<Instance> all(Connection c) throws SQLException {
        return query(c, false, null);
    }

    /** The live instances, ordered by release (version-aware), then id. */
    public List<Instance> live(Connection c) throws SQLException {
        return query(c, true, null);
    }

    /**
     * The live instances running a release older than {@code target}: what {@code contract(target)}
     * would break. A release name that is not a version counts as older.
     */
    public List<Instance> liveOlderThan(Connection c, Release target) throws SQLException {
        return live(c).stream().filter(i -> i.runsOlderThan(target)).toList();
    }

    /** The single instance with this id, live or expired. */
    public Optional<Instance> find(Connection c, String id) throws SQLException {
        return query(c, false, id).stream().findFirst();
    }

    /**
     * The database's current time: the one clock every instance shares. Liveness is judged by it, and so is
     * when a waiting automatic contract is due ({@link AutoContract}).
     */
    public Instant databaseNow(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + dialect.currentTimestamp())) {
            rs.next();
            return dialect.readTimestamp(rs, 1);
        }
    }

    private String liveCondition() {
        return dialect.plusSeconds("heartbeat_at", "ttl_seconds") + " > " + dialect.currentTimestamp();
    }

    private List<Instance> query(Connection c, boolean liveOnly, String id) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        String live = liveCondition();
        String sql = "SELECT id, release_name, host, pid, started_at, heartbeat_at, ttl_seconds, metadata, "
                + dialect.currentTimestamp() + " AS db_now, CASE WHEN " + live + " THEN 1 ELSE 0 END AS live FROM "
                + table + (liveOnly ? " WHERE " + live : id != null ? " WHERE id = ?" : "");
        List<Instance> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (!liveOnly && id != null) {
                ps.setString(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                read(rs, out);
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    private void read(ResultSet rs, List<Instance> out) throws SQLException {
        while (rs.next()) {
            long pid = rs.getLong(4);
            Long pidOrNull = rs.wasNull() ? null : pid;
            Instant heartbeat = dialect.readTimestamp(rs, 6);
            Instant now = dialect.readTimestamp(rs, 9);
            out.add(new Instance(rs.getString(1), rs.getString(2), rs.getString(3), pidOrNull,
                    dialect.readTimestamp(rs, 5), heartbeat, Duration.ofSeconds(rs.getInt(7)), rs.getString(8),
                    Duration.between(heartbeat, now), rs.getInt(10) == 1));
        }
    }

    /** By release, version-aware (names that are not versions last), then by id. */
    static final Comparator<Instance> ORDER = Comparator
            .comparing((Instance i) -> i.version().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Instance::id);
}
