package dev.bellows.data;

import dev.bellows.DatabaseException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.db.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the application feels, read between batches: how many other sessions are running a statement
 * ({@code --max-active-sessions}), how long the batch's own commit took ({@code --max-commit-latency}:
 * measured by the engine around its commit, no query; a commit waits for the server's log flush, which
 * the application's commits share) and how far the replicas lag ({@code --max-replica-lag}). The engine
 * asks after every committed batch; see {@link BatchEngine} for what it does with the answers.
 * Replica connections are opened on first use and closed with the throttle.
 */
final class Throttle implements AutoCloseable {

    static final long REPLICA_POLL_NANOS = 250_000_000L;
    private static final long SESSIONS_EVERY_NANOS = 20_000_000L;

    private final Dialect dialect;
    private final int maxActive;
    private final long maxCommitNanos;
    private final ReplicaWatch watch;
    private Map<String, Connection> replicas;
    private long sessionsReadAt;
    private int lastActive;

    Throttle(Dialect dialect, BatchOptions options) {
        this.dialect = dialect;
        this.maxActive = options.maxActiveSessions();
        this.maxCommitNanos = options.maxCommitLatency().toNanos();
        this.watch = options.replicas();
    }

    /** Other sessions running a statement when that is more than allowed, else 0 (read at most every 20 ms). */
    int busySessions(Connection c) throws SQLException {
        if (maxActive <= 0) {
            return 0;
        }
        long now = System.nanoTime();
        if (now - sessionsReadAt >= SESSIONS_EVERY_NANOS) {
            lastActive = dialect.activeSessions(c);
            sessionsReadAt = now;
        }
        return lastActive > maxActive ? lastActive : 0;
    }

    /** Whether a batch's commit, which took {@code commitNanos}, was slower than allowed (never when off). */
    boolean slowCommit(long commitNanos) {
        return maxCommitNanos > 0 && commitNanos > maxCommitNanos;
    }

    /** The replica lagging most beyond the allowed lag and its lag, or empty when none does. */
    Optional<Map.Entry<String, Duration>> laggingReplica(Connection primary) throws SQLException {
        if (!watch.on()) {
            return Optional.empty();
        }
        Map.Entry<String, Duration> worst = null;
        for (Map.Entry<String, Connection> r : replicas(primary).entrySet()) {
            Duration lag = dialect.replicaLag(r.getValue()).orElseThrow(() -> new DatabaseException(r.getKey()
                    + " is not a replica (no replica status): check --replica-url, or leave it out to watch the "
                    + "replicas the primary reports"));
            if (lag.compareTo(watch.maxLag()) > 0 && (worst == null || lag.compareTo(worst.getValue()) > 0)) {
                worst = Map.entry(r.getKey(), lag);
            }
        }
        return Optional.ofNullable(worst);
    }

    private Map<String, Connection> replicas(Connection primary) throws SQLException {
        if (replicas == null) {
            List<String> urls = watch.urls().isEmpty() ? dialect.reportedReplicas(primary) : watch.urls();
            if (urls.isEmpty()) {
                throw new DatabaseException("--max-replica-lag is set but the primary reports no replica "
                        + "(SHOW SLAVE HOSTS lists only replicas started with report_host): name them with "
                        + "--replica-url jdbc:mariadb://HOST:PORT/DB, or set --max-replica-lag 0");
            }
            Map<String, Connection> opened = new LinkedHashMap<>();
            for (String url : urls) {
                try {
                    opened.put(url, new ConnectionSettings(url, watch.user(), watch.password())
                            .connect("--replica-url, read with the primary's user and password, to watch its lag"));
                } catch (DatabaseException e) {
                    closeAll(new ArrayList<>(opened.values()));
                    throw e;
                }
            }
            replicas = opened;
        }
        return replicas;
    }

    @Override
    public void close() {
        if (replicas != null) {
            closeAll(new ArrayList<>(replicas.values()));
            replicas = null;
        }
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a read-only monitoring connection
            }
        }
    }
}
