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
 */
public record BatchOptions(Duration target, int initialSize, int minSize, int maxSize, Duration pause,
                           BatchListener listener) {

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
    }

    public static BatchOptions defaults() {
        return new BatchOptions(DEFAULT_TARGET, 1_000, 10, 100_000, Duration.ZERO, BatchListener.NONE);
    }

    public BatchOptions withTarget(Duration t) {
        return new BatchOptions(t, initialSize, minSize, maxSize, pause, listener);
    }

    public BatchOptions withSizes(int initial, int min, int max) {
        return new BatchOptions(target, initial, min, max, pause, listener);
    }

    public BatchOptions withPause(Duration p) {
        return new BatchOptions(target, initialSize, minSize, maxSize, p, listener);
    }

    public BatchOptions withListener(BatchListener l) {
        return new BatchOptions(target, initialSize, minSize, maxSize, pause, l);
    }
}
