package dev.bellows.run;

import dev.bellows.data.BatchOptions;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How the runner behaves.
 *
 * @param lockTimeout   longest a DDL may wait for a lock (PostgreSQL lock_timeout; MySQL rounds up to seconds)
 * @param lockRetries   tries of a statement or transaction that hit the lock timeout
 * @param retryBackoff  first pause between tries; doubles each time, with jitter, capped at 30 s
 * @param lockWait      how long to wait for another migrator to finish
 * @param maxBatches    most batches one run of a migrate file does before it stops (and a rerun continues)
 * @param contractGuard asked before contract steps run
 * @param force         contract despite the guard's blockers (recorded in history)
 * @param progress      where progress lines go
 * @param batching      how batched (migrate-phase) work is sized, paced and reported
 */
public record RunOptions(Duration lockTimeout, int lockRetries, Duration retryBackoff, Duration lockWait,
                         long maxBatches, ContractGuard contractGuard, boolean force, Consumer<String> progress,
                         BatchOptions batching) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMillis(500);
    public static final int DEFAULT_LOCK_RETRIES = 10;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(250);
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_BATCHES = 1_000_000;

    public RunOptions {
        if (lockRetries < 1) {
            throw new dev.bellows.ConfigurationException("--lock-retries must be at least 1, was " + lockRetries);
        }
        if (maxBatches < 1) {
            throw new dev.bellows.ConfigurationException("--max-batches must be at least 1, was " + maxBatches);
        }
    }

    /** The options without batch settings of their own: {@link BatchOptions#defaults()}. */
    public RunOptions(Duration lockTimeout, int lockRetries, Duration retryBackoff, Duration lockWait,
                      long maxBatches, ContractGuard contractGuard, boolean force, Consumer<String> progress) {
        this(lockTimeout, lockRetries, retryBackoff, lockWait, maxBatches, contractGuard, force, progress,
                BatchOptions.defaults());
    }

    public RunOptions withBatching(BatchOptions b) {
        return new RunOptions(lockTimeout, lockRetries, retryBackoff, lockWait, maxBatches, contractGuard, force,
                progress, b);
    }

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_LOCK_TIMEOUT, DEFAULT_LOCK_RETRIES, DEFAULT_RETRY_BACKOFF, DEFAULT_LOCK_WAIT,
                DEFAULT_MAX_BATCHES, ContractGuard.NONE, false, line -> { });
    }

    public RunOptions withProgress(Consumer<String> sink) {
        return new RunOptions(lockTimeout, lockRetries, retryBackoff, lockWait, maxBatches, contractGuard, force, sink,
                batching);
    }

    public RunOptions withLockTimeout(Duration timeout, int retries, Duration backoff) {
        return new RunOptions(timeout, retries, backoff, lockWait, maxBatches, contractGuard, force, progress,
                batching);
    }

    public RunOptions withLockWait(Duration wait) {
        return new RunOptions(lockTimeout, lockRetries, retryBackoff, wait, maxBatches, contractGuard, force, progress,
                batching);
    }

    public RunOptions withMaxBatches(long max) {
        return new RunOptions(lockTimeout, lockRetries, retryBackoff, lockWait, max, contractGuard, force, progress,
                batching);
    }

    public RunOptions withContractGuard(ContractGuard guard, boolean forceIt) {
        return new RunOptions(lockTimeout, lockRetries, retryBackoff, lockWait, maxBatches, guard, forceIt, progress,
                batching);
    }
}
