package dev.bellows.cli.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every request's latency and outcome, by the phase of the upgrade it ran in. Thread-safe. */
public final class Latencies {

    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private final Set<String> errorSamples = new LinkedHashSet<>();
    private volatile String current;

    /** Requests from now on count toward {@code phase}. */
    public synchronized void enter(String phase) {
        phases.computeIfAbsent(phase, p -> new Phase());
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

    private static final class Phase {
        final List<Long> nanos = new ArrayList<>();
        long failed;
    }
}
