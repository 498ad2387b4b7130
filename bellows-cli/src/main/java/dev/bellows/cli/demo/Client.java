package dev.bellows.cli.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * One application instance: its own connection, issuing its release's requests back to back with a
 * short think time until stopped. A request that throws is a failed request.
 */
final class Client implements Runnable {

    private static final long THINK_MILLIS = 2;

    private final AppRelease release;
    private final String url;
    private final String user;
    private final String password;
    private final Latencies latencies;
    private final long maxId;
    private final Random random;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean running = true;
    private Thread thread;

    Client(AppRelease release, String url, String user, String password, Latencies latencies, long maxId,
           long seed) {
        this.release = release;
        this.url = url;
        this.user = user;
        this.password = password;
        this.latencies = latencies;
        this.maxId = maxId;
        this.random = new Random(seed);
    }

    AppRelease release() {
        return release;
    }

    /** Starts the client and returns once it is connected and serving. */
    void start() throws InterruptedException {
        thread = new Thread(this, "demo-client-" + release.name());
        thread.setDaemon(true);
        thread.start();
        started.await();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(10_000);
        }
    }

    boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            started.countDown();
            while (running) {
                String phase = latencies.current();
                long t0 = System.nanoTime();
                String error = null;
                try {
                    release.request(c, random, maxId);
                } catch (SQLException e) {
                    error = release.name() + ": " + e.getMessage().lines().findFirst().orElse("");
                }
                latencies.record(phase, System.nanoTime() - t0, error);
                Thread.sleep(THINK_MILLIS);
            }
        } catch (SQLException e) {
            latencies.record(latencies.current(), 0, release.name() + ": cannot connect: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            started.countDown();
        }
    }
}
