package dev.bellows.data;

/**
 * One progress event of a batched migration.
 *
 * @param kind        what happened
 * @param migration   the migration's id, e.g. {@code 1.1/migrate/001_backfill_isbn.sql}
 * @param statement   1-based statement of the file (1 for a Java migration)
 * @param rows        rows changed so far by this statement (including earlier, interrupted runs)
 * @param batches     batches done so far by this statement (including earlier runs)
 * @param batchSize   the size the next batch will use (rows, or key span for keyed batches)
 * @param lastMillis  duration of the last batch, 0 before the first
 * @param rowsPerSecond rate over this run, 0 before the first batch
 * @param fraction    done fraction 0..1, or -1 when unknown
 * @param etaSeconds  estimated seconds left, or -1 when unknown
 * @param lockWaiters sessions that waited on the last batch's locks (the reason of a {@code BACKOFF}), or the
 *                    active sessions (of a {@code THROTTLE})
 */
public record BatchEvent(Kind kind, String migration, int statement, long rows, long batches, int batchSize,
                         long lastMillis, double rowsPerSecond, double fraction, long etaSeconds, int lockWaiters) {

    public enum Kind {
        /** The statement starts (or resumes). */
        START,
        /** A batch was committed. */
        BATCH,
        /** Other sessions waited on a batch's locks: the size was cut and the engine paused. */
        BACKOFF,
        /**
         * More sessions than {@code --max-active-sessions} were running statements: the engine pauses as long
         * as the last batch took ({@code lockWaiters} holds the number of active sessions).
         */
        THROTTLE,
        /**
         * The batch's commit took longer than {@code --max-commit-latency}: the size was cut and the engine pauses
         * as long as the batch took ({@code lastMillis} holds the commit's duration).
         */
        SLOW_COMMIT,
        /**
         * A replica lags more than {@code --max-replica-lag}: the engine waits ({@code lastMillis} holds the
         * lag in milliseconds).
         */
        REPLICA_LAG,
        /** The statement has nothing left to do. */
        DONE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
