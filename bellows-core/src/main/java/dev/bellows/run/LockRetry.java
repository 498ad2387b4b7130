package dev.bellows.run;

import dev.bellows.RefusedException;
import dev.bellows.db.Dialect;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Retries work that hit the lock timeout, with exponential backoff and jitter, so a blocked DDL
 * never queues the application's queries behind it for longer than the lock timeout.
 */
final class LockRetry {

    private static final long CAP_MS = 30_000;

    interface Work<T> {
        T run() throws SQLException;
    }

    /** Undoes a failed attempt before the next one (e.g. a rollback). */
    interface Cleanup {
        void run() throws SQLException;
    }

    private final Dialect dialect;
    private final RunOptions options;
    private final Consumer<String> progress;

    LockRetry(Dialect dialect, RunOptions options) {
        this.dialect = dialect;
        this.options = options;
        this.progress = options.progress();
    }

    <T> T run(String what, Work<T> work, Cleanup cleanup) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!dialect.isLockTimeout(e)) {
                    throw e;
                }
                cleanup.run();
                if (attempt >= options.lockRetries()) {
                    throw new RefusedException(what + ": could not get its locks within the lock timeout of "
                            + options.lockTimeout().toMillis() + " ms in " + attempt + " tries (" + e.getMessage().strip()
                            + "). Another session holds a conflicting lock, often a long-running transaction; "
                            + "find it (PostgreSQL: pg_stat_activity and pg_blocking_pids), let it finish, and rerun. "
                            + "The attempt that timed out was undone; statements completed before it stay applied and "
                            + "recorded, and a rerun continues from there.");
                }
                long pause = pause(attempt);
                progress.accept("  lock timeout on " + what + " (try " + attempt + " of " + options.lockRetries()
                        + "); retrying in " + pause + " ms");
                sleep(pause);
            }
        }
    }

    private long pause(int attempt) {
        long base = Math.max(1, options.retryBackoff().toMillis());
        long exp = Math.min(CAP_MS, base << Math.min(attempt - 1, 20));
        return Math.min(CAP_MS, (long) (exp * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefusedException("interrupted while waiting to retry");
        }
    }
}
