package dev.bellows.db;

import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.Token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** PostgreSQL 13–18. */
public final class PostgresDialect implements Dialect {

    /** Advisory lock key: the bytes of "bellows". Advisory locks are per database. */
    static final long LOCK_KEY = 0x62656c6c6f7773L;

    /** The contract lock's key: the bytes of "bellowc". */
    static final long CONTRACT_LOCK_KEY = 0x62656c6c6f7763L;

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public SqlSyntax syntax() {
        return SqlSyntax.POSTGRESQL;
    }

    @Override
    public String quote(String identifier) {
        return quoteIdentifier(identifier);
    }

    private static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public List<String> createHistoryTable(String table) {
        return BellowsTables.history(this, table, "timestamptz", "text");
    }

    @Override
    public List<String> createInstancesTable(String table) {
        return BellowsTables.instances(this, table, "timestamptz", "text");
    }

    @Override
    public boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public List<String> applicationTables(Connection c) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                + "AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname NOT LIKE 'bellows\\_%' ORDER BY c.relname");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public String autoIncrementPrimaryKey(String column) {
        return quote(column) + " bigserial PRIMARY KEY";
    }

    @Override
    public String tableOptions() {
        return "";
    }

    @Override
    public String currentTimestamp() {
        return "CURRENT_TIMESTAMP";
    }

    @Override
    public String plusSeconds(String timestamp, String seconds) {
        return "(" + timestamp + " + (" + seconds + ") * INTERVAL '1 second')";
    }

    @Override
    public Instant readTimestamp(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean canRunInTransaction(SqlStatement s) {
        List<Token> t = s.tokens();
        if (t.isEmpty()) {
            return true;
        }
        if (s.startsWith("REINDEX", "SCHEMA") || s.startsWith("REINDEX", "DATABASE") || s.startsWith("REINDEX", "SYSTEM")) {
            return false;
        }
        if (s.startsWith("VACUUM") || s.startsWith("CREATE", "DATABASE") || s.startsWith("DROP", "DATABASE")
                || s.startsWith("ALTER", "SYSTEM") || s.startsWith("CREATE", "TABLESPACE")
                || s.startsWith("DROP", "TABLESPACE")) {
            return false;
        }
        boolean index = s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE", "INDEX")
                || s.startsWith("DROP", "INDEX") || s.startsWith("REINDEX");
        boolean detach = s.startsWith("ALTER", "TABLE") && containsWord(t, "DETACH");
        return !((index || detach) && containsWord(t, "CONCURRENTLY"));
    }

    private static boolean containsWord(List<Token> tokens, String word) {
        for (Token t : tokens) {
            if (t.is(word)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void configureSession(Connection c, Duration lockTimeout) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET application_name = 'bellows'");
        }
        setLockTimeout(c, lockTimeout);
        if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
            // A killed migrator's running statement is cancelled instead of finishing unobserved.
            try (Statement st = c.createStatement()) {
                st.execute("SET client_connection_check_interval = '1s'");
            }
        }
    }

    /**
     * pgjdbc waits without limit by default once the TCP connection is up; loginTimeout bounds the whole
     * login (startup, authentication), connectTimeout the TCP connect. Statements get no socket timeout:
     * a concurrent index build may rightly run for hours.
     */
    @Override
    public java.util.Map<String, String> connectionDefaults() {
        return java.util.Map.of("loginTimeout", "15", "connectTimeout", "10", "tcpKeepAlive", "true");
    }

    @Override
    public void setLockTimeout(Connection c, Duration lockTimeout) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '" + (lockTimeout.isZero() ? 0 : Math.max(1, lockTimeout.toMillis()))
                    + "ms'");
        }
    }

    /**
     * CONCURRENTLY builds, drops, reindexes and detaches take SHARE UPDATE EXCLUSIVE, which reads and
     * writes never wait for (not even queued behind it), then wait for older transactions.
     */
    @Override
    public boolean waitsOnlyForOlderTransactions(SqlStatement s) {
        return !canRunInTransaction(s) && containsWord(s.tokens(), "CONCURRENTLY");
    }

    @Override
    public Optional<Long> sessionId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return Optional.of(rs.getLong(1));
        }
    }

    @Override
    public List<String> waitsOf(Connection watcher, long session) throws SQLException {
        String sql = "SELECT b.pid, b.state, b.usename, b.application_name, "
                + "CAST(EXTRACT(EPOCH FROM now() - b.xact_start) AS bigint), left(b.query, 80) "
                + "FROM pg_stat_activity b WHERE b.pid = ANY(pg_blocking_pids(?)) ORDER BY b.xact_start";
        List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = watcher.prepareStatement(sql)) {
            ps.setInt(1, (int) session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add("pid " + rs.getInt(1) + " (" + rs.getString(2) + ", user " + rs.getString(3)
                            + (rs.getString(4) == null || rs.getString(4).isEmpty() ? "" : ", " + rs.getString(4))
                            + ", transaction open " + rs.getLong(5) + " s, last query: "
                            + String.valueOf(rs.getString(6)).replaceAll("\\s+", " ").strip() + ")");
                }
            }
        }
        return out;
    }

    @Override
    public Optional<String> leftoverOf(Connection c, SqlStatement s) throws SQLException {
        Optional<String> index = concurrentIndex(s);
        if (index.isEmpty()) {
            return index;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_index i WHERE i.indexrelid = to_regclass(?) AND NOT i.indisvalid")) {
            ps.setString(1, index.get());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? index : Optional.empty();
            }
        }
    }

    @Override
    public void resetSession(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("RESET application_name");
            st.execute("RESET lock_timeout");
            if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
                st.execute("RESET client_connection_check_interval");
            }
        }
    }

    @Override
    public void dropLeftover(Connection c, String index) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
        }
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        String state = e.getSQLState();
        return "55P03".equals(state) || "40P01".equals(state);
    }

    /** Client backends of the whole server running a statement (state active), not counting this one. */
    @Override
    public int activeSessions(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() "
                        + "AND backend_type = 'client backend'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public int lockWaiters(Connection c) throws SQLException {
        // Only waiting lock requests are checked, so the (costly) pg_blocking_pids runs only when someone waits.
        String sql = "SELECT count(DISTINCT l.pid) FROM pg_locks l "
                + "WHERE NOT l.granted AND pg_backend_pid() = ANY(pg_blocking_pids(l.pid))";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public boolean tryMigratorLock(Connection c, Duration wait) throws SQLException {
        return tryAdvisoryLock(c, LOCK_KEY, wait);
    }

    @Override
    public boolean tryContractLock(Connection c, Duration wait) throws SQLException {
        return tryAdvisoryLock(c, CONTRACT_LOCK_KEY, wait);
    }

    @Override
    public void releaseContractLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, CONTRACT_LOCK_KEY);
            ps.executeQuery().close();
        }
    }

    private static boolean tryAdvisoryLock(Connection c, long key, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(Math.min(250, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @Override
    public void releaseMigratorLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, LOCK_KEY);
            ps.executeQuery().close();
        }
    }

    @Override
    public Optional<String> migratorLockHolder(Connection c) throws SQLException {
        String sql = "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND l.classid = ? AND l.objid = ? AND l.objsubid = 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, LOCK_KEY >>> 32);
            ps.setLong(2, LOCK_KEY & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.of("session pid " + rs.getInt(1) + " of user " + rs.getString(2)
                            + " (" + rs.getString(3) + ") from " + (rs.getString(4) == null ? "local socket"
                            : rs.getString(4)) + ", connected since " + rs.getTimestamp(5).toInstant());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public PriorAttempt prepareNonTransactional(Connection c, SqlStatement s) throws SQLException {
        Optional<String> index = concurrentIndex(s);
        if (index.isEmpty()) {
            return PriorAttempt.NONE;
        }
        // to_regclass resolves the name like the statement did: qualified, or through the search path.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(?)")) {
            ps.setString(1, index.get());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return PriorAttempt.NONE;
                }
                if (rs.getBoolean(1)) {
                    return PriorAttempt.COMPLETED;
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index.get());
        }
        return PriorAttempt.NONE;
    }

    /**
     * The index a {@code CREATE [UNIQUE] INDEX CONCURRENTLY} builds, as a quoted, schema-qualified SQL
     * name when the statement qualifies the index or its table (an index lives in its table's schema).
     */
    static Optional<String> concurrentIndex(SqlStatement s) {
        Optional<String> name = concurrentIndexName(s);
        if (name.isEmpty()) {
            return name;
        }
        List<Token> t = s.tokens();
        String schema = null;
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).is("INDEX") || t.get(i).is("CONCURRENTLY") || t.get(i).is("EXISTS")) {
                // CREATE INDEX CONCURRENTLY [IF NOT EXISTS] schema.name: the index's own qualifier
                if (i + 3 < t.size() && t.get(i + 2).isSymbol(".") && !t.get(i + 1).is("CONCURRENTLY")
                        && !t.get(i + 1).is("IF") && !t.get(i + 1).is("ON")) {
                    schema = t.get(i + 1).identifier();
                }
            }
            if (t.get(i).is("ON")) {
                int k = t.get(i + 1).is("ONLY") ? i + 2 : i + 1;
                if (schema == null && k + 2 < t.size() && t.get(k + 1).isSymbol(".")) {
                    schema = t.get(k).identifier();
                }
                break;
            }
        }
        return Optional.of(schema == null ? quoteIdentifier(name.get())
                : quoteIdentifier(schema) + "." + quoteIdentifier(name.get()));
    }

    /** The (unqualified) name built by {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name}. */
    static Optional<String> concurrentIndexName(SqlStatement s) {
        List<Token> t = s.tokens();
        int i = 0;
        if (i < t.size() && t.get(i).is("CREATE")) {
            i++;
        } else {
            return Optional.empty();
        }
        if (i < t.size() && t.get(i).is("UNIQUE")) {
            i++;
        }
        if (!(i + 1 < t.size() && t.get(i).is("INDEX") && t.get(i + 1).is("CONCURRENTLY"))) {
            return Optional.empty();
        }
        i += 2;
        if (i + 2 < t.size() && t.get(i).is("IF") && t.get(i + 1).is("NOT") && t.get(i + 2).is("EXISTS")) {
            i += 3;
        }
        if (i >= t.size() || t.get(i).is("ON")) {
            return Optional.empty();
        }
        // schema.name: the relation name is the last part
        while (i + 2 < t.size() && t.get(i + 1).isSymbol(".")) {
            i += 2;
        }
        return Optional.of(t.get(i).identifier());
    }
}
