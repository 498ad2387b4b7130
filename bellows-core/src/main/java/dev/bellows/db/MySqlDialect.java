package dev.bellows.db;

import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MySQL 8 syntax, tested on MariaDB 10.11. DDL commits implicitly, so the runner records progress
 * per statement. Lock waits are set in whole seconds (MariaDB's {@code lock_wait_timeout} and
 * {@code innodb_lock_wait_timeout} take integers), so a 500 ms lock timeout becomes 1 s here.
 */
public final class MySqlDialect implements Dialect {

    @Override
    public String id() {
        return "mysql";
    }

    @Override
    public SqlSyntax syntax() {
        return SqlSyntax.MYSQL;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public List<String> createHistoryTable(String table) {
        return BellowsTables.history(this, table, "datetime(3)", "text");
    }

    @Override
    public List<String> createInstancesTable(String table) {
        return BellowsTables.instances(this, table, "datetime(3)", "text");
    }

    @Override
    public boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    @Override
    public List<String> applicationTables(Connection c) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'bellows\\_%' ORDER BY TABLE_NAME");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public String autoIncrementPrimaryKey(String column) {
        return quote(column) + " bigint NOT NULL AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    @Override
    public String currentTimestamp() {
        return "UTC_TIMESTAMP(3)";
    }

    @Override
    public String plusSeconds(String timestamp, String seconds) {
        return "DATE_ADD(" + timestamp + ", INTERVAL (" + seconds + ") SECOND)";
    }

    @Override
    public Instant readTimestamp(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    @Override
    public boolean tookEffectBefore(SQLException e) {
        return DDL_ALREADY_DONE.contains(e.getErrorCode());
    }

    /**
     * Errors of a DDL statement repeated after it took effect: table exists (1050), unknown table on
     * DROP (1051), duplicate column (1060) or key name (1061), can't drop a column or key (1091), routine
     * exists or does not (1304, 1305), trigger exists or does not (1359, 1360), duplicate foreign key
     * name (1826).
     */
    private static final java.util.Set<Integer> DDL_ALREADY_DONE =
            java.util.Set.of(1050, 1051, 1060, 1061, 1091, 1304, 1305, 1359, 1360, 1826);

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean canRunInTransaction(SqlStatement statement) {
        return true;
    }

    @Override
    public void configureSession(Connection c, Duration lockTimeout) throws SQLException {
        setLockTimeout(c, lockTimeout);
    }

    @Override
    public void setLockTimeout(Connection c, Duration lockTimeout) throws SQLException {
        // 0 means "no limit" to Bellows; the server's largest value (a year) is the closest MySQL has.
        long seconds = lockTimeout.isZero() ? 31_536_000 : Math.max(1, (lockTimeout.toMillis() + 999) / 1000);
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION lock_wait_timeout = " + seconds);
            st.execute("SET SESSION innodb_lock_wait_timeout = " + Math.min(seconds, 1_073_741_824));
        }
    }

    @Override
    public void resetSession(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION lock_wait_timeout = DEFAULT");
            st.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        // 1205 ER_LOCK_WAIT_TIMEOUT (metadata and row locks), 1213 ER_LOCK_DEADLOCK
        return e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
    }

    /** {@code Threads_running} less this session, as pt-online-schema-change's {@code --max-load} reads it. */
    @Override
    public int activeSessions(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_running'")) {
            return rs.next() ? Math.max(0, rs.getInt(2) - 1) : -1;
        }
    }

    /**
     * {@code Seconds_Behind_Master} (MariaDB, MySQL before 8.0.22) or {@code Seconds_Behind_Source} of
     * {@code SHOW REPLICA STATUS} / {@code SHOW SLAVE STATUS}; NULL there means replication is stopped.
     * With several sources (MariaDB multi-source) the largest lag counts.
     */
    @Override
    public Optional<Duration> replicaLag(Connection c) throws SQLException {
        SQLException first = null;
        for (String sql : List.of("SHOW ALL REPLICAS STATUS", "SHOW REPLICA STATUS", "SHOW SLAVE STATUS")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                Optional<Duration> lag = Optional.empty();
                while (rs.next()) {
                    Long seconds = secondsBehind(rs);
                    Duration d = seconds == null ? REPLICATION_STOPPED : Duration.ofSeconds(seconds);
                    if (lag.isEmpty() || d.compareTo(lag.get()) > 0) {
                        lag = Optional.of(d);
                    }
                }
                return lag;
            } catch (SQLException e) {
                // this server spells it differently (MySQL 8.0.22+: REPLICA; MariaDB 10.5+: both; ALL: MariaDB)
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private static Long secondsBehind(ResultSet rs) throws SQLException {
        java.sql.ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i);
            if (name.equalsIgnoreCase("Seconds_Behind_Master") || name.equalsIgnoreCase("Seconds_Behind_Source")) {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : v;
            }
        }
        throw new SQLException("the replica status has no Seconds_Behind_Master/Source column");
    }

    /** Replicas started with {@code report_host}, as {@code jdbc:mariadb://HOST:PORT/} plus this database. */
    @Override
    public List<String> reportedReplicas(Connection c) throws SQLException {
        String database;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            database = rs.getString(1) == null ? "" : rs.getString(1);
        }
        String scheme = c.getMetaData().getURL().toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:") ? "jdbc:mysql://"
                : "jdbc:mariadb://";
        List<String> urls = new java.util.ArrayList<>();
        for (String sql : List.of("SHOW REPLICA HOSTS", "SHOW SLAVE HOSTS")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    String host = rs.getString("Host");
                    if (host != null && !host.isBlank()) {
                        urls.add(scheme + host + ":" + rs.getInt("Port") + "/" + database);
                    }
                }
                return urls;
            } catch (SQLException e) {
                // the other spelling
            }
        }
        return urls;
    }

    /**
     * Row-lock waits on this session's transaction: MariaDB's {@code information_schema.INNODB_LOCK_WAITS};
     * MySQL 8 removed it, there {@code performance_schema.data_lock_waits} tells the same. Metadata-lock
     * waits are not counted (a batch of DML holds only shared metadata locks).
     */
    @Override
    public int lockWaiters(Connection c) throws SQLException {
        String mariadb = "SELECT count(DISTINCT w.requesting_trx_id) FROM information_schema.INNODB_LOCK_WAITS w "
                + "JOIN information_schema.INNODB_TRX t ON t.trx_id = w.blocking_trx_id "
                + "WHERE t.trx_mysql_thread_id = CONNECTION_ID()";
        String mysql8 = "SELECT count(DISTINCT w.REQUESTING_ENGINE_TRANSACTION_ID) "
                + "FROM performance_schema.data_lock_waits w "
                + "JOIN performance_schema.threads th ON th.THREAD_ID = w.BLOCKING_THREAD_ID "
                + "WHERE th.PROCESSLIST_ID = CONNECTION_ID()";
        for (String sql : List.of(mariadb, mysql8)) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                // this server has the other table; a read error does not affect the open transaction
            }
        }
        return 0;
    }

    private static String lockName(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return "bellows:" + rs.getString(1);
        }
    }

    @Override
    public boolean tryMigratorLock(Connection c, Duration wait) throws SQLException {
        long seconds = Math.max(0, (wait.toMillis() + 999) / 1000);
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, lockName(c));
            ps.setLong(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public boolean tryContractLock(Connection c, Duration wait) throws SQLException {
        long seconds = Math.max(0, (wait.toMillis() + 999) / 1000);
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, lockName(c) + ":contract");
            ps.setLong(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public void releaseContractLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lockName(c) + ":contract");
            ps.executeQuery().close();
        }
    }

    @Override
    public void releaseMigratorLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lockName(c));
            ps.executeQuery().close();
        }
    }

    @Override
    public Optional<String> migratorLockHolder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT p.ID, p.USER, p.HOST, p.TIME FROM information_schema.PROCESSLIST p "
                        + "WHERE p.ID = IS_USED_LOCK(?)")) {
            ps.setString(1, lockName(c));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.of("connection " + rs.getLong(1) + " of user " + rs.getString(2)
                            + " from " + rs.getString(3) + ", in its current state for " + rs.getLong(4) + " s");
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public PriorAttempt prepareNonTransactional(Connection connection, SqlStatement statement) {
        return PriorAttempt.NONE;
    }
}
