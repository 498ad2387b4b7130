package dev.bellows.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples the locks of another backend from a second connection while a statement that cannot run
 * in a transaction (e.g. {@code CREATE INDEX CONCURRENTLY}) runs: pg_locks only shows locks while
 * they are held, so the strongest mode seen and for how long are approximations (every ~2 ms).
 */
final class LockSampler {

    private final Connection connection;
    private final String pid;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, ShadowProbe.SeenLock> seen = new LinkedHashMap<>();
    private final Map<String, long[]> window = new LinkedHashMap<>();
    private final Thread thread;
    private volatile SQLException failure;

    private LockSampler(Connection connection, int pid) {
        this.connection = connection;
        this.pid = Integer.toString(pid);
        this.thread = new Thread(this::run, "bellows-verify-lock-sampler");
        this.thread.setDaemon(true);
    }

    static LockSampler start(ShadowConnector connector, int pid) throws SQLException {
        LockSampler s = new LockSampler(connector.connect(), pid);
        s.thread.start();
        return s;
    }

    private void run() {
        try {
            while (running.get()) {
                sample();
                Thread.sleep(2);
            }
            sample();
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() throws SQLException {
        Map<String, ShadowProbe.SeenLock> now = PostgresProbe.locks(connection, pid);
        long t = System.nanoTime();
        synchronized (seen) {
            for (ShadowProbe.SeenLock l : now.values()) {
                ShadowProbe.SeenLock old = seen.get(l.relation());
                if (old == null || l.mode().compareTo(old.mode()) > 0) {
                    seen.put(l.relation(), l);
                    window.put(l.relation(), new long[] {t, t});
                } else if (l.mode() == old.mode()) {
                    window.get(l.relation())[1] = t;
                }
            }
        }
    }

    /** Stops sampling and returns the strongest lock seen per relation, with about how long it was held. */
    Map<String, ShadowProbe.SeenLock> stop() throws SQLException {
        running.set(false);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
        if (failure != null) {
            throw failure;
        }
        Map<String, ShadowProbe.SeenLock> out = new LinkedHashMap<>();
        synchronized (seen) {
            for (ShadowProbe.SeenLock l : seen.values()) {
                long[] w = window.get(l.relation());
                out.put(l.relation(), new ShadowProbe.SeenLock(l.relation(), l.name(), l.mode(),
                        Math.max(1, (w[1] - w[0]) / 1_000_000)));
            }
        }
        return out;
    }
}
