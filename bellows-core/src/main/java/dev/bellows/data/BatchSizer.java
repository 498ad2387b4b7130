package dev.bellows.data;

/**
 * Adapts the batch size toward a target batch duration: after each batch the size is scaled by
 * target / measured duration, the step damped to at most ×2 up and ×0.5 down, and clamped to the
 * bounds. {@link #backOff()} (other sessions waited on a batch's locks) halves the size and the
 * target duration itself, down to a tenth of the configured target (at least 10 ms): a waiter waits
 * at most about one batch, so shorter batches are what helps it. Each batch without waiters lets the
 * target recover by 10 % toward the configured one.
 */
public final class BatchSizer {

    private static final long MIN_TARGET_NANOS = 10_000_000L;

    private final long configuredTarget;
    private final long floorTarget;
    private final int min;
    private final int max;
    private long target;
    private int size;

    public BatchSizer(BatchOptions options) {
        this(options.target().toNanos(), options.initialSize(), options.minSize(), options.maxSize());
    }

    BatchSizer(long targetNanos, int initial, int min, int max) {
        this.configuredTarget = targetNanos;
        this.floorTarget = Math.min(targetNanos, Math.max(MIN_TARGET_NANOS, targetNanos / 10));
        this.target = targetNanos;
        this.min = min;
        this.max = max;
        this.size = clamp(initial);
    }

    public int size() {
        return size;
    }

    /** The batch duration currently aimed at (lower than configured after back-offs). */
    public long targetNanos() {
        return target;
    }

    /** Takes the duration of a batch of the current size that nobody waited on; returns the next size. */
    public int observe(long elapsedNanos) {
        target = Math.min(configuredTarget, Math.round(target * 1.1));
        double factor = elapsedNanos <= 0 ? 2.0 : (double) target / elapsedNanos;
        factor = Math.max(0.5, Math.min(2.0, factor));
        // Within 10 % of the target: keep the size, so noise does not make it wander.
        if (factor > 0.9 && factor < 1.1) {
            return size;
        }
        size = clamp((long) Math.ceil(size * factor));
        return size;
    }

    /** Other sessions waited on the last batch's locks: halve the size and the target duration. */
    public int backOff() {
        target = Math.max(floorTarget, target / 2);
        size = clamp(size / 2);
        return size;
    }

    private int clamp(long n) {
        return (int) Math.max(min, Math.min(max, n));
    }
}
