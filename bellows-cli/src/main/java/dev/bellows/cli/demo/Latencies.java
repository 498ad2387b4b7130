package dev.bellows.cli.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every request's latency and outcome, by the phase of the upgrade it ran in, and in time order
 * (for the chart of {@link LatencyChart}). Thread-safe.
 */
public final class Latencies {

    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private final Set<String> errorSamples = new LinkedHashSet<>();
    private final List<Marker> markers = new ArrayList<>();
    private final long origin = System.nanoTime();
    private long[] when = new long[1 << 12];
    private long[] took = new long[1 << 12];
    private boolean[] failures = new boolean[1 << 12];
    private int count;
    private volatile String current;

    /** Requests from now on count toward {@code phase}. */
    public synchronized void enter(String phase) {
        phases.computeIfAbsent(phase, p -> new Phase());
        markers.add(new Marker(phase, (System.nanoTime() - origin) / 1_000_000));
        current = phase;
    }

    /** The phase requests starting now belong to. */
    public String current() {
        return current;
    }

    /** Records a request that started in {@code phase}. */
    public synchronized void record(String phase, long nanos, String error) {
        Phase p = phases.get(phase);
        p.nanos.add(nanos);
        if (count == when.length) {
            when = Arrays.copyOf(when, count * 2);
            took = Arrays.copyOf(took, count * 2);
            failures = Arrays.copyOf(failures, count * 2);
        }
        when[count] = System.nanoTime() - origin - nanos;
        took[count] = nanos;
        failures[count] = error != null;
        count++;
        if (error != null) {
            p.failed++;
            if (errorSamples.size() < 4) {
                errorSamples.add(error);
            }
        }
    }

    public synchronized long requests() {
        return phases.values().stream().mapToLong(p -> p.nanos.size()).sum();
    }

    public synchronized long failed() {
        return phases.values().stream().mapToLong(p -> p.failed).sum();
    }

    public synchronized List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    /** When each phase began, in milliseconds since this recorder was made. */
    public synchronized List<Marker> markers() {
        return List.copyOf(markers);
    }

    /** Every request in the order it completed: start (ms since this recorder was made), latency, outcome. */
    public synchronized List<Sample> samples() {
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Sample(when[i] / 1e6, took[i] / 1e6, failures[i]));
        }
        return out;
    }

    /** One summary per phase, in the order the phases were entered. */
    public synchronized List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        for (Map.Entry<String, Phase> e : phases.entrySet()) {
            long[] sorted = e.getValue().nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            out.add(new Summary(e.getKey(), sorted.length, e.getValue().failed, percentile(sorted, 0.50),
                    percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
        }
        return out;
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Requests, failures and latency (ms) of one phase. */
    public record Summary(String phase, long requests, long failed, double p50, double p99, double max) {
    }

    /** The start of a phase, in milliseconds since the recorder was made. */
    public record Marker(String phase, long atMillis) {
    }

    /** One request: its start (ms since the recorder was made), its latency (ms), whether it failed. */
    public record Sample(double atMillis, double latencyMillis, boolean failed) {
    }

    private static final class Phase {
        final List<Long> nanos = new ArrayList<>();
        long failed;
    }
}
