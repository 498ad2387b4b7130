package dev.bellows.data;

/**
 * Adapts the batch size toward a target batch duration: after each batch the size is scaled by
 * target / measured duration, the step damped to at most ×2 up and ×0.5 down, and clamped to the
 * bounds. {@link #backOff()} (other sessions waited on a batch's locks) halves the size and the
 * target duration itself, down to a tenth of the configured target (at least 10 ms): a waiter waits
 * at most about one batch, so shorter batches are what helps it. Each batch without waiters lets the
 * target recover by 10 % toward the configured one.
 *
 * <p>Every batch also pays a fixed cost besides its statement: the checkpoint, the history row, the
 * lock-waiter check and the commit (a log flush: tens of milliseconds on a busy disk). With the default
 * target (a target set on purpose is kept as given) and while nobody is in the way
 * ({@link #observe(long, long, boolean)} with {@code quiet}), the target may stretch so that this cost
 * stays near 5 % of a batch: up to 20 × the (smoothed) fixed cost, never beyond 4 × the configured
 * target. A back-off starts again from the configured target.
 */
public final class BatchSizer {

    private static final long MIN_TARGET_NANOS = 10_000_000L;
    /** The fixed cost aimed at: at most 1/20 (5 %) of a batch. */
    private static final int COST_SHARE = 20;
    /** The stretched target never exceeds this many times the configured one. */
    private static final int MAX_STRETCH = 4;

    private final long configuredTarget;
    private final long floorTarget;
    private final int min;
    private final int max;
    private final boolean stretch;
    private long target;
    private int size;
    private double fixedCost = -1;

    public BatchSizer(BatchOptions options) {
        this(options.target().toNanos(), options.initialSize(), options.minSize(), options.maxSize(),
                options.target().equals(BatchOptions.DEFAULT_TARGET));
    }

    BatchSizer(long targetNanos, int initial, int min, int max) {
        this(targetNanos, initial, min, max, false);
    }

    /** {@code stretch}: the target may stretch to amortise a batch's fixed cost (see above). */
    BatchSizer(long targetNanos, int initial, int min, int max, boolean stretch) {
        this.stretch = stretch;
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
        return observe(elapsedNanos, 0, false);
    }

    /**
     * Takes the duration of a batch that nobody waited on and the part of it that was not its statement
     * (checkpoint, checks, commit); {@code quiet}: nothing says the application is busy, so the target may
     * stretch to amortise that fixed cost. Returns the next size.
     */
    public int observe(long elapsedNanos, long fixedCostNanos, boolean quiet) {
        fixedCost = fixedCost < 0 ? fixedCostNanos : 0.8 * fixedCost + 0.2 * fixedCostNanos;
        long ceiling = quiet && stretch ? Math.max(configuredTarget, Math.min(MAX_STRETCH * configuredTarget,
                Math.round(COST_SHARE * fixedCost))) : configuredTarget;
        target = Math.min(ceiling, Math.round(target * 1.1));
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
        target = Math.max(floorTarget, Math.min(target, configuredTarget) / 2);
        size = clamp(size / 2);
        return size;
    }

    private int clamp(long n) {
        return (int) Math.max(min, Math.min(max, n));
    }
}
