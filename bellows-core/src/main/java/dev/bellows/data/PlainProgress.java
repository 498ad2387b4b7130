package dev.bellows.data;

import java.util.function.Consumer;

/**
 * Progress as plain lines (logs, pipes, CI): one line at most every 2 seconds while batches run,
 * one for each back-off, and at most one every 2 seconds while the engine yields to busy sessions or
 * slow commits. The runner prints the final "done" line itself.
 */
public final class PlainProgress implements BatchListener {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final Consumer<String> out;
    private final String name;
    private long last = System.nanoTime();
    private long lastThrottle;
    private long lastSlowCommit;

    public PlainProgress(Consumer<String> out, String name) {
        this.out = out;
        this.name = name;
    }

    @Override
    public void onEvent(BatchEvent e) {
        switch (e.kind()) {
            case START -> {
                if (e.batches() > 0) {
                    out.accept("  " + name + "  continuing after " + ProgressFormat.count(e.batches()) + " batches ("
                            + ProgressFormat.count(e.rows()) + " rows) of an earlier run");
                }
            }
            case BACKOFF -> out.accept("  " + name + "  " + e.lockWaiters() + " session(s) waited on a batch's "
                    + "locks: batch size cut to " + ProgressFormat.count(e.batchSize()) + ", pausing");
            case SLOW_COMMIT -> {
                if (System.nanoTime() - lastSlowCommit >= EVERY_NANOS || lastSlowCommit == 0) {
                    lastSlowCommit = System.nanoTime();
                    out.accept("  " + name + "  a batch's commit took " + e.lastMillis() + " ms, more than "
                            + "--max-commit-latency: batch size cut to " + ProgressFormat.count(e.batchSize())
                            + ", pausing as long as the batch took");
                }
            }
            case THROTTLE -> {
                if (System.nanoTime() - lastThrottle >= EVERY_NANOS || lastThrottle == 0) {
                    lastThrottle = System.nanoTime();
                    out.accept("  " + name + "  " + e.lockWaiters() + " other session(s) running statements, more than "
                            + "--max-active-sessions: pausing after each batch as long as it took");
                }
            }
            case REPLICA_LAG -> out.accept("  " + name + "  a replica lags " + e.lastMillis() + " ms, more than "
                    + "--max-replica-lag: waiting");
            case BATCH -> {
                if (System.nanoTime() - last >= EVERY_NANOS) {
                    last = System.nanoTime();
                    out.accept("  " + name + "  " + ProgressFormat.count(e.rows()) + " rows in "
                            + ProgressFormat.count(e.batches()) + " batches so far"
                            + (e.fraction() >= 0 ? ", " + ProgressFormat.percent(e.fraction()).strip() : "")
                            + ", " + ProgressFormat.rate(e.rowsPerSecond()) + ", batch size "
                            + ProgressFormat.count(e.batchSize())
                            + (e.etaSeconds() >= 0 ? ", " + ProgressFormat.eta(e.etaSeconds()) : ""));
                }
            }
            default -> { }
        }
    }
}
