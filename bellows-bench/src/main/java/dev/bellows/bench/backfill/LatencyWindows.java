package dev.bellows.bench.backfill;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Request latencies grouped by named measurement window (idle, during the UPDATE, …), kept in
 * preallocated primitive arrays so that recording allocates nothing while an engine's heap is
 * measured. Thread-safe.
 */
final class LatencyWindows {

    private static final int CAPACITY = 1 << 20;

    private final Map<String, Window> windows = new HashMap<>();
    private volatile String current;

    /** Requests starting from now count toward {@code window}; null closes the current one. */
    synchronized void open(String window) {
        long now = System.nanoTime();
        if (current != null) {
            windows.get(current).closedAt = now;
        }
        if (window != null) {
            windows.computeIfAbsent(window, w -> new Window(now));
        }
        current = window;
    }

    String current() {
        return current;
    }

    synchronized void record(String window, long nanos) {
        if (window != null) {
            Window w = windows.get(window);
            if (w.count < CAPACITY) {
                w.nanos[w.count++] = nanos;
            }
        }
    }

    /** Requests, requests per second, p50, p99 and max (ms) of one window. */
    synchronized Stats stats(String window) {
        Window w = windows.get(window);
        long[] v = Arrays.copyOf(w.nanos, w.count);
        Arrays.sort(v);
        double seconds = (w.closedAt - w.openedAt) / 1e9;
        return new Stats(v.length, v.length / seconds, pct(v, 0.50), pct(v, 0.99),
                v.length == 0 ? 0 : v[v.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    record Stats(int requests, double perSecond, double p50, double p99, double max) {
    }

    private static final class Window {
        final long[] nanos = new long[CAPACITY];
        final long openedAt;
        long closedAt;
        int count;

        Window(long openedAt) {
            this.openedAt = openedAt;
        }
    }
}
