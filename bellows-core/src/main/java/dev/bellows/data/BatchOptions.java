package dev.bellows.data;

import dev.bellows.ConfigurationException;

import java.time.Duration;

/**
 * How batched migrations are paced.
 *
 * @param target      batch duration the size adapts toward (default 200 ms)
 * @param initialSize size of the first batch (rows; key span for keyed batches)
 * @param minSize     smallest size the adaptation may choose
 * @param maxSize     largest size the adaptation may choose
 * @param pause       pause between batches (default none)
 * @param listener    receives progress events
 * @param maxActiveSessions other sessions running a statement above which the engine yields (0: never)
 * @param replicas    the replicas whose lag the engine waits for ({@link ReplicaWatch#NONE}: none)
 * @param maxCommitLatency a batch commit slower than this makes the engine yield (zero: never)
 */
public record BatchOptions(Duration target, int initialSize, int minSize, int maxSize, Duration pause,
                           BatchListener listener, int maxActiveSessions, ReplicaWatch replicas,
                           Duration maxCommitLatency) {

    public static final Duration DEFAULT_TARGET = Duration.ofMillis(200);

    public BatchOptions {
        if (target.isNegative() || target.isZero()) {
            throw new ConfigurationException("--batch-target must be more than 0 ms, was " + target.toMillis());
        }
        if (minSize < 1 || maxSize < minSize) {
            throw new ConfigurationException("batch size bounds must satisfy 1 <= --batch-min (" + minSize
                    + ") <= --batch-max (" + maxSize + ")");
        }
        if (initialSize < minSize || initialSize > maxSize) {
            throw new ConfigurationException("--batch-size " + initialSize + " must lie between --batch-min "
                    + minSize + " and --batch-max " + maxSize);
        }
        if (pause.isNegative()) {
            throw new ConfigurationException("--batch-pause must be >= 0 ms, was " + pause.toMillis());
        }
        if (maxActiveSessions < 0) {
            throw new ConfigurationException("--max-active-sessions must be >= 0 (0: off), was " + maxActiveSessions);
        }
        if (maxCommitLatency.isNegative()) {
            throw new ConfigurationException("--max-commit-latency must be >= 0 ms (0: off), was "
                    + maxCommitLatency.toMillis());
        }
    }

    public BatchOptions(Duration target, int initialSize, int minSize, int maxSize, Duration pause,
                        BatchListener listener) {
        this(target, initialSize, minSize, maxSize, pause, listener, 0, ReplicaWatch.NONE, Duration.ZERO);
    }

    public static BatchOptions defaults() {
        return new BatchOptions(DEFAULT_TARGET, 1_000, 10, 100_000, Duration.ZERO, BatchListener.NONE);
    }

    public BatchOptions withTarget(Duration t) {
        return new BatchOptions(t, initialSize, minSize, maxSize, pause, listener, maxActiveSessions, replicas,
                maxCommitLatency);
    }

    public BatchOptions withSizes(int initial, int min, int max) {
        return new BatchOptions(target, initial, min, max, pause, listener, maxActiveSessions, replicas,
                maxCommitLatency);
    }

    public BatchOptions withPause(Duration p) {
        return new BatchOptions(target, initialSize, minSize, maxSize, p, listener, maxActiveSessions, replicas,
                maxCommitLatency);
    }

    public BatchOptions withListener(BatchListener l) {
        return new BatchOptions(target, initialSize, minSize, maxSize, pause, l, maxActiveSessions, replicas,
                maxCommitLatency);
    }

    /** Yield while more than {@code n} other sessions run a statement (0: off). */
    public BatchOptions withMaxActiveSessions(int n) {
        return new BatchOptions(target, initialSize, minSize, maxSize, pause, listener, n, replicas, maxCommitLatency);
    }

    /** Wait while one of these replicas lags too much. */
    public BatchOptions withReplicas(ReplicaWatch r) {
        return new BatchOptions(target, initialSize, minSize, maxSize, pause, listener, maxActiveSessions, r,
                maxCommitLatency);
    }

    /** Yield after a batch whose commit took longer than {@code d} (zero: off). */
    public BatchOptions withMaxCommitLatency(Duration d) {
        return new BatchOptions(target, initialSize, minSize, maxSize, pause, listener, maxActiveSessions, replicas,
                d);
    }
}
