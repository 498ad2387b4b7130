package dev.bellows.data;

/**
 * Adapts the batch size toward the target batch duration: after each batch the size is scaled by
 * target / measured duration, the step damped to at most ×2 up and ×0.5 down, and clamped to the
 * bounds. {@link #backOff()} halves it when other sessions waited on a batch's locks.
 */
public final class BatchSizer {

    private final long targetNanos;
    private final int min;
    private final int max;
    private int size;

    public BatchSizer(BatchOptions options) {
        this(options.target().toNanos(), options.initialSize(), options.minSize(), options.maxSize());
    }

    BatchSizer(long targetNanos, int initial, int min, int max) {
        this.targetNanos = targetNanos;
        this.min = min;
        this.max = max;
        this.size = clamp(initial);
    }

    public int size() {
        return size;
    }

    /** Takes the duration of a batch of the current size; returns the next size. */
    public int observe(long elapsedNanos) {
        double factor = elapsedNanos <= 0 ? 2.0 : (double) targetNanos / elapsedNanos;
        factor = Math.max(0.5, Math.min(2.0, factor));
        // Within 10 % of the target: keep the size, so noise does not make it wander.
        if (factor > 0.9 && factor < 1.1) {
            return size;
        }
        size = clamp((long) Math.ceil(size * factor));
        return size;
    }

    /** Other sessions waited on the last batch's locks: halve the size. */
    public int backOff() {
        size = clamp(size / 2);
        return size;
    }

    private int clamp(long n) {
        return (int) Math.max(min, Math.min(max, n));
    }
}
