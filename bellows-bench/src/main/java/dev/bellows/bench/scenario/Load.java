package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.AppRelease;
import dev.bellows.cli.demo.Latencies;
import dev.bellows.db.ConnectionSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The application under a mixed read/write load: {@code clients} connections spread over
 * {@code instances} application instances, together issuing {@code rate} requests per second on a
 * fixed schedule (each client its share; a client that falls behind skips the missed slots rather
 * than bursting). Each instance runs the old release until {@link #switchNext()} moves it to the new
 * one. A request that throws, or that the server cancels after the request timeout, is a failed
 * request. Latency is measured from the moment a request is sent.
 */
final class Load implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final boolean[] switched;
    private final CountDownLatch connected;
    private volatile boolean running = true;
    private volatile int oldInstances;

    Load(Target target, ConnectionSettings db, int clients, int instances, double rate, long timeoutMillis,
         AppRelease from, AppRelease to, long maxId, Latencies latencies) throws InterruptedException {
        this.switched = new boolean[instances];
        this.oldInstances = instances;
        this.connected = new CountDownLatch(clients);
        long intervalNanos = Math.round(1e9 * clients / rate);
        for (int i = 0; i < clients; i++) {
            int instance = i % instances;
            long seed = 7_000 + i;
            Thread t = new Thread(() -> loop(target, db, timeoutMillis, from, to, instance, intervalNanos, maxId,
                    new Random(seed), latencies), "load-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        connected.await();
    }

    /** Moves the next instance to the new release; returns how many still run the old one. */
    synchronized int switchNext() {
        for (int i = 0; i < switched.length; i++) {
            if (!switched[i]) {
                switched[i] = true;
                return --oldInstances;
            }
        }
        return 0;
    }

    int oldInstances() {
        return oldInstances;
    }

    private synchronized boolean onNew(int instance) {
        return switched[instance];
    }

    private void loop(Target target, ConnectionSettings db, long timeoutMillis, AppRelease from, AppRelease to,
                      int instance, long intervalNanos, long maxId, Random random, Latencies latencies) {
        Connection c = null;
        boolean counted = false;
        long next = System.nanoTime() + (long) (random.nextDouble() * intervalNanos);
        try {
            while (running) {
                long now = System.nanoTime();
                if (next > now) {
                    LockSupport.parkNanos(next - now);
                    continue;
                }
                next = Math.max(next + intervalNanos, now - intervalNanos);
                AppRelease release = onNew(instance) ? to : from;
                String phase = latencies.current();
                long t0 = System.nanoTime();
                String error = null;
                try {
                    if (c == null) {
                        c = connect(target, db, timeoutMillis);
                    }
                    release.request(c, random, maxId);
                } catch (SQLException | RuntimeException e) {
                    error = release.name() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                    c = closeIfBroken(c);
                }
                latencies.record(phase, System.nanoTime() - t0, error);
                if (!counted) {
                    connected.countDown();
                    counted = true;
                }
            }
        } finally {
            if (!counted) {
                // a client that ends (or dies) early must not keep the constructor waiting
                connected.countDown();
            }
            close(c);
        }
    }

    private static void close(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // stopping
        }
    }

    private Connection connect(Target target, ConnectionSettings db, long timeoutMillis) throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(true);
        target.requestTimeout(c, timeoutMillis);
        return c;
    }

    private static Connection closeIfBroken(Connection c) {
        try {
            if (c != null && !c.isValid(1)) {
                c.close();
                return null;
            }
        } catch (SQLException ignored) {
            return null;
        }
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(15_000);
        }
    }
}
