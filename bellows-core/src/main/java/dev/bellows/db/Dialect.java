package dev.bellows.db;

import dev.bellows.ConfigurationException;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything that differs between PostgreSQL and MySQL/MariaDB, behind one narrow interface.
 * No other class asks which database it talks to.
 */
public interface Dialect {

    /** {@code postgresql} or {@code mysql}. */
    String id();

    SqlSyntax syntax();

    /** Quotes an identifier for this database, doubling embedded quote characters. */
    String quote(String identifier);

    /** Statements that create the history table if it does not exist yet. */
    List<String> createHistoryTable(String table);

    /** Statements that create the instance registry table if it does not exist yet. */
    List<String> createInstancesTable(String table);

    /**
     * SQL expression for the database clock's current time, in the type of Bellows' own timestamp
     * columns (timestamptz on PostgreSQL; a UTC {@code datetime(3)} on MySQL/MariaDB, so sessions with
     * different time zones agree). Liveness and expiry are always judged by this clock, never the JVM's.
     */
    String currentTimestamp();

    /** SQL expression: the timestamp expression plus a number of seconds (an integer expression). */
    String plusSeconds(String timestamp, String seconds);

    /** Reads a timestamp column written with {@link #currentTimestamp()}; null stays null. */
    Instant readTimestamp(ResultSet rs, int column) throws SQLException;

    /** Whether a table of that name is visible in the connection's current schema (database). */
    boolean tableExists(Connection connection, String table) throws SQLException;

    /**
     * The tables (and views) in the connection's current schema (database), oldest name order, without
     * Bellows' own {@code bellows_*} tables: what an existing application already has. Used to refuse
     * running over a schema Bellows has no history of.
     */
    List<String> applicationTables(Connection connection) throws SQLException;

    /**
     * The history table another migration tool left in the current schema ({@code flyway_schema_history},
     * Liquibase's {@code databasechangelog}, {@code schema_migrations} of golang-migrate or dbmate) with its
     * last applied version; empty when there is none.
     */
    default Optional<ForeignHistory> foreignHistory(Connection connection) throws SQLException {
        return ForeignHistory.find(connection, this, applicationTables(connection));
    }

    /** Column definition of an auto-incremented bigint primary key. */
    String autoIncrementPrimaryKey(String column);

    /** What follows the closing parenthesis of Bellows' own CREATE TABLE statements. */
    String tableOptions();

    /** Whether DDL takes part in transactions (PostgreSQL) or commits implicitly (MySQL/MariaDB). */
    boolean transactionalDdl();

    /** Whether the statement may run inside a transaction block. */
    boolean canRunInTransaction(SqlStatement statement);

    /** Session settings every Bellows connection gets (application name, lock timeouts, …). */
    void configureSession(Connection connection, Duration lockTimeout) throws SQLException;

    /** Whether the error means a lock could not be had in time (and the statement may be retried). */
    boolean isLockTimeout(SQLException error);

    /**
     * Tries to take the one-migrator-per-database lock on this session, waiting up to {@code wait}.
     * Returns false when another session still holds it after that.
     */
    boolean tryMigratorLock(Connection connection, Duration wait) throws SQLException;

    void releaseMigratorLock(Connection connection) throws SQLException;

    /**
     * Tries to take the contract lock on this session, waiting up to {@code wait}. Contract holds it from
     * its gate check (live instances of older releases) to its last step; an instance holds it while it
     * checks the schema and registers. So an instance of an older release never registers unseen while a
     * contract runs: it registers before (and contract refuses) or after (and the startup guard refuses).
     */
    boolean tryContractLock(Connection connection, Duration wait) throws SQLException;

    void releaseContractLock(Connection connection) throws SQLException;

    /** Who holds the migrator lock, where the database can tell (user, host, since when). */
    Optional<String> migratorLockHolder(Connection connection) throws SQLException;

    /**
     * Called before a statement that runs outside a transaction is (re)tried: cleans up what an
     * interrupted earlier attempt left behind (an INVALID index of a failed concurrent build) and
     * tells whether an earlier attempt already completed it.
     */
    PriorAttempt prepareNonTransactional(Connection connection, SqlStatement statement) throws SQLException;

    /**
     * Statements that create the table where batched migrations keep their checkpoints (one row per
     * batched statement: next key, rows, batches, size), if it does not exist yet. Portable SQL.
     */
    default List<String> createBatchProgressTable(String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + quote(table) + " ("
                + "migration varchar(400) NOT NULL, "
                + "statement_no integer NOT NULL, "
                + "start_key bigint, "
                + "next_key bigint, "
                + "end_key bigint, "
                + "rows_done bigint NOT NULL, "
                + "batches bigint NOT NULL, "
                + "batch_size integer NOT NULL, "
                + "statement_sha char(64) NULL, "
                + "PRIMARY KEY (migration, statement_no))" + tableOptions());
    }

    /**
     * How many other sessions are waiting right now for locks that this session's open transaction
     * holds. A batch asks this just before it commits, so that the data migration backs off while it
     * gets in the application's way. 0 when the database cannot tell.
     */
    default int lockWaiters(Connection connection) throws SQLException {
        return 0;
    }

    /**
     * Whether {@code e}, raised by a statement that an interrupted run was executing when it stopped, says
     * that the statement had already taken effect ("table already exists", "can't drop; check that it
     * exists"): on a database whose DDL commits by itself, a run killed between a DDL statement's commit and
     * the history's record of it leaves exactly that. Never asked for a statement the history says was not
     * started, nor after a failure that was recorded.
     */
    default boolean tookEffectBefore(SQLException e) {
        return false;
    }

    /**
     * Whether {@code statement} takes only locks that never block the application's reads and writes
     * and otherwise waits for older transactions to end (PostgreSQL's CONCURRENTLY builds). Such waits
     * are not cut by the lock timeout: a transaction open anywhere in the database would otherwise
     * fail every try after the work was done.
     */
    default boolean waitsOnlyForOlderTransactions(SqlStatement statement) {
        return false;
    }

    /** This session's id on the server (PostgreSQL backend pid, MySQL connection id), for {@link #waitsOf}. */
    default Optional<Long> sessionId(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /**
     * What session {@code session} is waiting for right now, read on another connection: one line per
     * session it waits on (id, state, how long its transaction has been open, its query); empty when it
     * is not waiting.
     */
    default List<String> waitsOf(Connection watcher, long session) throws SQLException {
        return List.of();
    }

    /**
     * Driver properties Bellows sets when the URL does not: time limits for connecting, so that a server
     * that accepts connections and never answers is an error, not a hang.
     */
    default java.util.Map<String, String> connectionDefaults() {
        return java.util.Map.of();
    }

    /** Sets this session's lock timeout; {@link Duration#ZERO} waits without limit. */
    void setLockTimeout(Connection connection, Duration timeout) throws SQLException;

    /**
     * What a failed or interrupted non-transactional statement left behind that the next run must
     * clean up (e.g. the INVALID index of a concurrent build), as an SQL name; empty when nothing.
     */
    default Optional<String> leftoverOf(Connection connection, SqlStatement statement) throws SQLException {
        return Optional.empty();
    }

    /** Drops what {@link #leftoverOf} found. */
    default void dropLeftover(Connection connection, String leftover) throws SQLException {
        throw new UnsupportedOperationException(leftover);
    }

    /**
     * Undoes {@link #configureSession} on a connection that goes back to an application's pool, so the
     * application's own statements do not inherit the migrator's lock timeout.
     */
    void resetSession(Connection connection) throws SQLException;

    /**
     * How many other sessions of the server are running a statement right now (idle sessions and
     * this one not counted): how busy the application keeps the database. -1 when the database cannot tell.
     */
    default int activeSessions(Connection connection) throws SQLException {
        return -1;
    }

    /**
     * How far the replica on this connection is behind its primary: empty when the server is not a
     * replica; {@link #REPLICATION_STOPPED} when replication is not running (the lag is unknown and
     * growing).
     */
    default Optional<Duration> replicaLag(Connection replica) throws SQLException {
        return Optional.empty();
    }

    /** The lag {@link #replicaLag} reports for a replica whose replication is stopped. */
    Duration REPLICATION_STOPPED = Duration.ofDays(365);

    /**
     * JDBC URLs of the replicas this primary knows of, for replicas that announce themselves (MySQL/MariaDB:
     * {@code SHOW SLAVE HOSTS}, replicas started with {@code report_host}). Empty when none or unknown.
     */
    default List<String> reportedReplicas(Connection primary) throws SQLException {
        return List.of();
    }

    /** What an earlier, interrupted attempt at a non-transactional statement left behind. */
    enum PriorAttempt {
        /** Nothing, or leftovers that were cleaned up: run the statement. */
        NONE,
        /** The statement's effect is fully present (e.g. a valid index of that name): skip it. */
        COMPLETED
    }

    /** The dialect of a JDBC URL. */
    static Dialect forUrl(String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return new MySqlDialect();
        }
        throw new ConfigurationException("unsupported JDBC URL '" + url
                + "': use jdbc:postgresql://HOST/DB or jdbc:mariadb://HOST/DB (or jdbc:mysql://)");
    }

    /** The dialect named on the command line: {@code postgresql} or {@code mysql} (also {@code mariadb}). */
    static Dialect named(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> new PostgresDialect();
            case "mysql", "mariadb" -> new MySqlDialect();
            default -> throw new ConfigurationException("unknown dialect '" + name
                    + "': use --dialect postgresql or --dialect mysql");
        };
    }
}
