package dev.bellows.data;

import dev.bellows.db.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Runs a {@link BatchJob} batch by batch until it is done: each batch in its own transaction
 * together with its checkpoint (so a killed run loses at most the uncommitted batch, and a rerun
 * continues after the last committed one), the size adapted toward the target duration, an
 * optional pause between batches, and a back-off (half the size and target duration, a short pause)
 * whenever other sessions were waiting on the batch's locks when it was about to commit. Beyond its own
 * locks it yields to what the application feels ({@link Throttle}): busy sessions, slow commits and
 * lagging replicas. The control law is documented in the README ("Batched data migrations").
 * Memory does not grow with the table: only the current range and counters are kept.
 */
public final class BatchEngine {

    private static final long FRACTION_EVERY_NANOS = 1_000_000_000L;
    private static final long BACKOFF_PAUSE_NANOS = 10_000_000L;
    private static final long WAITER_CHECK_NANOS = 10_000_000L;

    private final Dialect dialect;
    private final BatchOptions options;
    private final Transactions transactions;
    private final ProgressTable progress;
    private boolean prepared;

    public BatchEngine(Dialect dialect, BatchOptions options, Transactions transactions) {
        this.dialect = dialect;
        this.options = options;
        this.transactions = transactions;
        this.progress = new ProgressTable(dialect);
    }

    /** Creates the checkpoint table (once per engine); call before {@link #run}, outside a transaction. */
    public void prepare(Connection c) throws SQLException {
        if (!prepared) {
            progress.create(c);
            prepared = true;
        }
    }

    /** Runs at most {@code budget} batches of {@code job}. */
    public BatchRun run(Connection c, BatchJob job, long budget, BatchRecorder recorder) throws SQLException {
        BatchWork work = job.work();
        Optional<BatchCheckpoint> saved = progress.read(c, job.migration(), job.statement());
        String statementChecksum = job.checksum();
        Optional<String> savedFor = progress.statementChecksum(c, job.migration(), job.statement());
        if (saved.isPresent() && savedFor.isPresent() && !savedFor.get().equals(statementChecksum)) {
            throw new dev.bellows.RefusedException(job.where() + ": this batched statement was edited after its "
                    + "batches began (" + saved.get().batches() + " committed, " + saved.get().rows() + " rows): a "
                    + "rerun would continue from the stored position with different SQL and could skip rows. "
                    + "Restore the statement as it was, or put the changed statement in a new migrate file.");
        }
        work.begin(c, saved);
        long rows = saved.map(BatchCheckpoint::rows).orElse(0L);
        long batches = saved.map(BatchCheckpoint::batches).orElse(0L);
        int initial = saved.map(BatchCheckpoint::batchSize).filter(s -> s > 0).orElse(options.initialSize());
        BatchSizer sizer = new BatchSizer(options.target().toNanos(), initial, options.minSize(), options.maxSize(),
                options.target().equals(BatchOptions.DEFAULT_TARGET));
        Clock clock = new Clock(work.fraction(c));
        emit(BatchEvent.Kind.START, job, rows, batches, sizer.size(), 0, clock, 0);

        long rowsRun = 0;
        long batchesRun = 0;
        int backoffs = 0;
        // Nothing said the application is busy after the last batch: the batch target may stretch (BatchSizer).
        boolean quiet = true;
        try (Throttle throttle = new Throttle(dialect, options)) {
        while (!work.done()) {
            if (batchesRun >= budget) {
                return new BatchRun(false, rowsRun, batchesRun, backoffs);
            }
            int size = sizer.size();
            long rowsBefore = rows;
            long batchesBefore = batches;
            long started = System.nanoTime();
            long[] statementNanos = new long[1];
            long[] workEnded = new long[1];
            Committed done = transactions.inTransaction(job.where(), () -> {
                long workStarted = System.nanoTime();
                BatchWork.BatchResult result = work.batch(c, size);
                statementNanos[0] = System.nanoTime() - workStarted;
                // A batch shorter than this made nobody wait long: skip the (catalog) query.
                int waiters = System.nanoTime() - workStarted < WAITER_CHECK_NANOS ? 0 : dialect.lockWaiters(c);
                BatchCheckpoint cp = work.checkpoint(result, rowsBefore, batchesBefore, size);
                cp = new BatchCheckpoint(job.migration(), job.statement(), cp.startKey(), cp.nextKey(), cp.endKey(),
                        cp.rows(), cp.batches(), cp.batchSize());
                progress.save(c, cp, statementChecksum);
                recorder.record(c, cp.rows() - rowsBefore, cp.batches() - batchesBefore);
                workEnded[0] = System.nanoTime();
                return new Committed(result, waiters, cp);
            });
            long ended = System.nanoTime();
            long elapsed = ended - started;
            // The commit (and the driver's return to autocommit) as the engine saw it: no extra query.
            long commitNanos = ended - workEnded[0];
            work.advance(done.result());
            rowsRun += done.checkpoint().rows() - rows;
            batchesRun += done.checkpoint().batches() - batches;
            rows = done.checkpoint().rows();
            batches = done.checkpoint().batches();
            clock.batch(rowsRun, elapsed, work, c);
            if (done.waiters() > 0) {
                backoffs++;
                sizer.backOff();
                quiet = false;
                emit(BatchEvent.Kind.BACKOFF, job, rows, batches, sizer.size(), elapsed, clock, done.waiters());
                // Let the waiters (now unblocked) run before the next batch takes its locks.
                sleep(Math.max(options.pause().toNanos(), BACKOFF_PAUSE_NANOS));
                continue;
            }
            boolean slowCommit = throttle.slowCommit(commitNanos);
            if (slowCommit) {
                // The server's log is busy (its commits queue): smaller batches, and half of the time left to others.
                sizer.backOff();
            } else if (work.adapts()) {
                sizer.observe(elapsed, Math.max(0, elapsed - statementNanos[0]), quiet);
            }
            if (!work.done()) {
                emit(BatchEvent.Kind.BATCH, job, rows, batches, sizer.size(), elapsed, clock, 0);
                if (slowCommit) {
                    emit(BatchEvent.Kind.SLOW_COMMIT, job, rows, batches, sizer.size(), commitNanos, clock, 0);
                }
                waitForReplicas(c, throttle, job, rows, batches, sizer.size(), clock);
                // The application is busy: take at most half of the time (pause as long as the batch ran).
                int busy = throttle.busySessions(c);
                quiet = busy == 0 && !slowCommit;
                if (busy > 0) {
                    emit(BatchEvent.Kind.THROTTLE, job, rows, batches, sizer.size(), elapsed, clock, busy);
                }
                sleep(Math.max(options.pause().toNanos(), busy > 0 || slowCommit ? elapsed : 0));
            }
        }
        }
        emit(BatchEvent.Kind.DONE, job, rows, batches, sizer.size(), 0, clock.finish(), 0);
        return new BatchRun(true, rowsRun, batchesRun, backoffs);
    }

    /** Waits while a watched replica lags more than allowed, reporting each wait. */
    private void waitForReplicas(Connection c, Throttle throttle, BatchJob job, long rows, long batches, int size,
                                 Clock clock) throws SQLException {
        long since = System.nanoTime();
        long reported = 0;
        for (var lagging = throttle.laggingReplica(c); lagging.isPresent(); lagging = throttle.laggingReplica(c)) {
            long waited = System.nanoTime() - since;
            if (waited - reported >= 1_000_000_000L || reported == 0) {
                reported = Math.max(1, waited);
                options.listener().onEvent(new BatchEvent(BatchEvent.Kind.REPLICA_LAG, job.migration(), job.statement(),
                        rows, batches, size, lagging.get().getValue().toMillis(), clock.rate(), clock.fraction,
                        clock.eta(), 0));
            }
            sleep(Throttle.REPLICA_POLL_NANOS);
        }
    }

    private void emit(BatchEvent.Kind kind, BatchJob job, long rows, long batches, int size, long lastNanos,
                      Clock clock, int waiters) {
        options.listener().onEvent(new BatchEvent(kind, job.migration(), job.statement(), rows, batches, size,
                lastNanos / 1_000_000, clock.rate(), clock.fraction, clock.eta(), waiters));
    }

    private static void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Committed(BatchWork.BatchResult result, int waiters, BatchCheckpoint checkpoint) {
    }

    /** Rate and ETA of this run; the done fraction is re-read at most once a second. */
    private static final class Clock {
        private final long start = System.nanoTime();
        private final double startFraction;
        private double fraction;
        private long rowsRun;
        private long fractionAt;

        Clock(double fraction) {
            this.startFraction = fraction;
            this.fraction = fraction;
            this.fractionAt = start;
        }

        void batch(long rows, long elapsed, BatchWork work, Connection c) throws SQLException {
            rowsRun = rows;
            long now = System.nanoTime();
            if (work.cheapFraction() || now - fractionAt >= FRACTION_EVERY_NANOS) {
                fraction = work.fraction(c);
                fractionAt = now;
            }
        }

        Clock finish() {
            fraction = 1.0;
            return this;
        }

        double rate() {
            double seconds = (System.nanoTime() - start) / 1e9;
            return seconds <= 0 ? 0 : rowsRun / seconds;
        }

        long eta() {
            if (fraction < 0 || startFraction < 0 || fraction <= startFraction) {
                return fraction >= 1.0 ? 0 : -1;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return Math.round(seconds * (1.0 - fraction) / (fraction - startFraction));
        }
    }
}
