package dev.bellows.run;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.db.Dialect;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * While a statement that waits without the lock timeout runs (a concurrent index build waiting for
 * older transactions), says every so often which sessions it waits for, read on a second connection,
 * so a user can see what to finish or cancel instead of a silent hang.
 */
final class WaitReporter implements AutoCloseable {

    static final long CHECK_MS = 1_000;
    static final long REPEAT_MS = 15_000;

    private final ScheduledExecutorService timer;
    private Connection watcher;
    private long lastReport;

    private WaitReporter(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts watching {@code session}; a no-op when the dialect cannot tell its session id. */
    static WaitReporter start(ConnectionSettings db, Dialect dialect, Connection migrator, String what,
                              Consumer<String> progress) {
        Long session;
        try {
            session = dialect.sessionId(migrator).orElse(null);
        } catch (java.sql.SQLException e) {
            session = null;
        }
        if (session == null || db == null) {
            return new WaitReporter(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bellows-wait-reporter");
            t.setDaemon(true);
            return t;
        });
        WaitReporter reporter = new WaitReporter(timer);
        long id = session;
        long t0 = System.nanoTime();
        timer.scheduleWithFixedDelay(() -> reporter.check(db, dialect, id, what, progress, t0), CHECK_MS, CHECK_MS,
                TimeUnit.MILLISECONDS);
        return reporter;
    }

    private void check(ConnectionSettings db, Dialect dialect, long session, String what, Consumer<String> progress,
                       long t0) {
        long now = System.nanoTime();
        if (lastReport != 0 && (now - lastReport) / 1_000_000 < REPEAT_MS) {
            return;
        }
        try {
            if (watcher == null) {
                watcher = db.connect();
            }
            List<String> waits = dialect.waitsOf(watcher, session);
            if (!waits.isEmpty()) {
                lastReport = now;
                progress.accept("  " + what + "  waiting " + (now - t0) / 1_000_000_000 + " s for older "
                        + "transactions to end (a concurrent build waits for them without the lock timeout; "
                        + "the application's reads and writes are not blocked): " + String.join("; ", waits));
            }
        } catch (RuntimeException | java.sql.SQLException e) {
            lastReport = now; // reporting is best effort; never disturb the migration
        }
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watcher != null) {
            try {
                watcher.close();
            } catch (java.sql.SQLException ignored) {
                // best effort
            }
        }
    }
}
