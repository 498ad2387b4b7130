package dev.bellows.bench.backfill;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Peak live heap of this JVM while something runs: every second a full GC, then the used heap.
 * Live heap after GC is what grows if an engine keeps keys or rows in memory.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final long baseline;
    private volatile long peak;
    private volatile boolean running = true;

    HeapSampler() {
        baseline = liveHeap();
        peak = baseline;
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
                peak = Math.max(peak, liveHeap());
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private long liveHeap() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Peak live heap above the baseline taken at start, in bytes. */
    long growth() {
        return Math.max(0, peak - baseline);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        peak = Math.max(peak, liveHeap());
    }
}
