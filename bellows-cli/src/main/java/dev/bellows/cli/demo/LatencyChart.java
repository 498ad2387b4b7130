package dev.bellows.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page (inline SVG, no script, no external resource) with the request latency
 * over time of one or more rollouts side by side: per 100 ms the slowest and the median request
 * (log scale), every failed request as a red mark, and the start of every phase as a labelled line.
 *
 * <p>Structure, for tests: each rollout is an {@code <svg class="rollout" id="chart-KEY"
 * data-requests=".." data-failed="..">}; inside it {@code <polyline class="series series-max">} and
 * {@code <polyline class="series series-p50">}, one {@code <g class="phase-marker" data-phase="..">} per
 * phase, and one {@code <circle class="failed-request">} per failed request (at most 2,000 drawn; the
 * count is in {@code data-failed}).
 */
public final class LatencyChart {

    private static final int WIDTH = 590;
    private static final int HEIGHT = 300;
    private static final int LEFT = 52;
    private static final int RIGHT = 10;
    private static final int TOP = 36;
    private static final int BOTTOM = 36;
    private static final double MIN_MS = 0.1;
    private static final double MAX_MS = 10_000;
    private static final long BUCKET_MS = 100;
    private static final int MAX_FAILED_MARKS = 2_000;

    /** One rollout's recording, with a key (used in the id) and a title. */
    public record Rollout(String key, String title, Latencies latencies) {
    }

    private LatencyChart() {
    }

    public static Path write(Path file, String title, String subtitle, List<Rollout> rollouts) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:16px;color:#222}")
                .append(".rollouts{display:flex;flex-wrap:wrap;gap:16px}")
                .append(".panel{border:1px solid #ccc;padding:8px}")
                .append(".series{fill:none;stroke-width:1.2}.series-max{stroke:#d68400}.series-p50{stroke:#1f6fb2}")
                .append(".phase-marker line{stroke:#888;stroke-dasharray:4 3}.phase-marker text{font-size:10px;fill:#555}")
                .append(".failed-request{fill:#d00}.axis{stroke:#444}.grid{stroke:#eee}.tick{font-size:10px;fill:#444}")
                .append("\n</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n<p>")
                .append(escape(subtitle)).append("</p>\n<p>Orange: slowest request per 100 ms; blue: median per 100 ms "
                        + "(log scale); red dots: failed requests; dashed lines: the start of each phase.</p>\n")
                .append("<div class=\"rollouts\">\n");
        double span = 1;
        for (Rollout r : rollouts) {
            for (Latencies.Sample s : r.latencies().samples()) {
                span = Math.max(span, s.atMillis() + s.latencyMillis());
            }
        }
        for (Rollout r : rollouts) {
            panel(h, r, span);
        }
        h.append("</div>\n</body></html>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, h, StandardCharsets.UTF_8);
        return file;
    }

    private static void panel(StringBuilder h, Rollout r, double spanMillis) {
        List<Latencies.Sample> samples = r.latencies().samples();
        long failed = samples.stream().filter(Latencies.Sample::failed).count();
        h.append("<div class=\"panel\"><h2>").append(escape(r.title())).append("</h2>\n<p>")
                .append(String.format(Locale.ROOT, "%,d requests, %,d failed", samples.size(), failed)).append("</p>\n");
        h.append(String.format(Locale.ROOT, "<svg class=\"rollout\" id=\"chart-%s\" data-requests=\"%d\" "
                        + "data-failed=\"%d\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"%s\">\n",
                escape(r.key()), samples.size(), failed, WIDTH, HEIGHT, WIDTH, HEIGHT, escape(r.title())));
        for (double ms = MIN_MS; ms <= MAX_MS; ms *= 10) {
            double y = y(ms);
            h.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>\n",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 4, y + 3, ms < 1 ? "0.1" : String.valueOf((long) ms)));
        }
        double seconds = spanMillis / 1000;
        double step = seconds <= 10 ? 1 : seconds <= 60 ? 5 : seconds <= 300 ? 30 : 60;
        for (double s = 0; s <= seconds; s += step) {
            double x = x(s * 1000, spanMillis);
            h.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s s"
                    + "</text>\n", x, HEIGHT - BOTTOM + 14, (long) s));
        }
        h.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                        + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        h.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                + "time since the load started</text>\n", (LEFT + WIDTH) / 2, HEIGHT - 6));

        int buckets = (int) (spanMillis / BUCKET_MS) + 1;
        List<List<Double>> byBucket = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            byBucket.add(new ArrayList<>());
        }
        for (Latencies.Sample s : samples) {
            int b = (int) Math.min(buckets - 1, Math.max(0, s.atMillis() / BUCKET_MS));
            byBucket.get(b).add(s.latencyMillis());
        }
        StringBuilder max = new StringBuilder();
        StringBuilder p50 = new StringBuilder();
        for (int i = 0; i < buckets; i++) {
            List<Double> l = byBucket.get(i);
            if (l.isEmpty()) {
                continue;
            }
            double[] v = l.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(v);
            double x = x((i + 0.5) * BUCKET_MS, spanMillis);
            max.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(v[v.length - 1])));
            p50.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(v[(v.length - 1) / 2])));
        }
        h.append("<polyline class=\"series series-max\" points=\"").append(max.toString().strip()).append("\"/>\n");
        h.append("<polyline class=\"series series-p50\" points=\"").append(p50.toString().strip()).append("\"/>\n");

        int row = 0;
        for (Latencies.Marker m : r.latencies().markers()) {
            double x = x(m.atMillis(), spanMillis);
            int labelY = TOP - 6 - 12 * (row++ % 2);
            h.append(String.format(Locale.ROOT, "<g class=\"phase-marker\" data-phase=\"%s\" data-at-ms=\"%d\">"
                            + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%s</text></g>\n",
                    escape(m.phase()), m.atMillis(), x, TOP, x, HEIGHT - BOTTOM, x + 2, labelY, escape(m.phase())));
        }
        int drawn = 0;
        for (Latencies.Sample s : samples) {
            if (s.failed() && drawn++ < MAX_FAILED_MARKS) {
                h.append(String.format(Locale.ROOT, "<circle class=\"failed-request\" cx=\"%.1f\" cy=\"%.1f\" r=\"2\"/>",
                        x(s.atMillis() + s.latencyMillis(), spanMillis), y(s.latencyMillis())));
            }
        }
        h.append("\n</svg></div>\n");
    }

    private static double x(double millis, double spanMillis) {
        return LEFT + (WIDTH - LEFT - RIGHT) * Math.max(0, Math.min(1, millis / spanMillis));
    }

    private static double y(double ms) {
        double v = Math.max(MIN_MS, Math.min(MAX_MS, ms));
        double f = (Math.log10(v) - Math.log10(MIN_MS)) / (Math.log10(MAX_MS) - Math.log10(MIN_MS));
        return HEIGHT - BOTTOM - f * (HEIGHT - TOP - BOTTOM);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
