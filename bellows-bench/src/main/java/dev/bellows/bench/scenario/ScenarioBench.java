package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.LatencyChart;
import dev.bellows.cli.demo.Latencies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The zero-downtime scenarios at full size: every scenario on PostgreSQL and MariaDB, the Bellows
 * way and the naive way, under a mixed read/write load. Prints, per scenario and database, the
 * requests and failed requests of each way and the latency per phase, and writes an HTML page with
 * the latency over time of every run.
 *
 * <pre>
 * java -cp bellows-bench/target/bellows-bench-all.jar dev.bellows.bench.scenario.ScenarioBench \
 *     --clients 16 --rate 1000 --rows 200000 --hold-ms 5000 [--database postgresql|mariadb|both]
 *     [--scenario ID|all] [--timeout-ms 2000] [--html target/scenarios.html]
 * </pre>
 */
public final class ScenarioBench {

    private ScenarioBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 200_000;
        int clients = 16;
        int instances = 4;
        double rate = 1_000;
        long hold = 5_000;
        long timeout = 2_000;
        String database = "both";
        String scenario = "all";
        Path html = Path.of("target", "scenarios.html");
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(v);
                case "--clients" -> clients = Integer.parseInt(v);
                case "--instances" -> instances = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--hold-ms" -> hold = Long.parseLong(v);
                case "--timeout-ms" -> timeout = Long.parseLong(v);
                case "--database" -> database = v;
                case "--scenario" -> scenario = v;
                case "--html" -> html = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        ScenarioRun.Settings settings = new ScenarioRun.Settings(rows, clients, instances, rate, hold, timeout);
        List<Target> targets = database.equals("both") ? List.of(Target.values()) : List.of(Target.named(database));
        List<Scenario> scenarios = scenario.equals("all") ? Scenarios.all() : List.of(Scenarios.named(scenario));
        System.out.printf(Locale.ROOT, "scenarios: %d rows, %d clients in %d instances, %.0f requests/s offered, "
                        + "request timeout %d ms, %d ms in each steady phase; load average %s%n", rows, clients,
                instances, rate, timeout, hold, loadAverage());
        List<ScenarioRun.Result> results = new ArrayList<>();
        List<LatencyChart.Rollout> charts = new ArrayList<>();
        int n = 0;
        for (Target target : targets) {
            try (Target.Server server = target.start()) {
                System.out.println("== " + server.version());
                ScenarioRun runner = new ScenarioRun(target, server, settings, System.out::println);
                for (Scenario s : scenarios) {
                    System.out.println("-- " + s.id() + ": " + s.title());
                    if (s.unsupported(target) != null) {
                        System.out.println("   skipped: " + s.unsupported(target));
                        continue;
                    }
                    ScenarioRun.Result r = runner.run(s, "s" + (++n));
                    results.add(r);
                    print(r);
                    charts.add(new LatencyChart.Rollout(target.id() + "-" + s.id() + "-bellows",
                            target.id() + ", " + s.id() + ": Bellows", r.bellows().latencies()));
                    charts.add(new LatencyChart.Rollout(target.id() + "-" + s.id() + "-naive",
                            target.id() + ", " + s.id() + ": naive", r.naive().latencies()));
                }
            }
        }
        System.out.println();
        System.out.println("== Summary (load average now " + loadAverage() + ")");
        System.out.printf(Locale.ROOT, "%-12s %-24s %22s %10s %22s%n", "database", "scenario", "Bellows failed/requests",
                "req/s", "naive failed/requests");
        boolean ok = true;
        for (ScenarioRun.Result r : results) {
            System.out.printf(Locale.ROOT, "%-12s %-24s %22s %10.0f %22s%n", r.target().id(), r.scenario().id(),
                    r.bellows().failed() + " / " + r.bellows().requests(), achieved(r.bellows()),
                    r.naive().failed() + " / " + r.naive().requests());
            ok &= r.bellows().failed() == 0 && r.wrongRows() == 0;
        }
        Path page = LatencyChart.write(html, "Bellows scenarios under load",
                String.format(Locale.ROOT, "%d rows, %d clients, %.0f requests/s offered", rows, clients, rate), charts);
        System.out.println("latency charts: " + page.toAbsolutePath());
        System.exit(ok ? 0 : 1);
    }

    static void print(ScenarioRun.Result r) {
        for (String way : List.of("Bellows", "naive")) {
            ScenarioRun.Way w = way.equals("Bellows") ? r.bellows() : r.naive();
            System.out.printf(Locale.ROOT, "   %s: %d failed of %d requests (%.0f req/s)%s%n", way, w.failed(),
                    w.requests(), achieved(w), w.migrationError() == null ? "" : "; migration failed: "
                            + w.migrationError());
            System.out.printf(Locale.ROOT, "     %-12s %9s %7s %8s %8s %9s%n", "phase", "requests", "failed", "p50 ms",
                    "p99 ms", "max ms");
            for (Latencies.Summary s : w.latencies().summaries()) {
                System.out.printf(Locale.ROOT, "     %-12s %9d %7d %8.2f %8.2f %9.1f%n", s.phase(), s.requests(),
                        s.failed(), s.p50(), s.p99(), s.max());
            }
            for (String e : way.equals("naive") ? w.latencies().errorSamples() : w.latencies().errorSamples()) {
                System.out.println("     e.g. " + e);
            }
        }
        System.out.println("   data check after Bellows: " + r.wrongRows() + " rows wrong for 2.0");
    }

    /** Requests per second over the whole run of one way. */
    static double achieved(ScenarioRun.Way w) {
        return w.seconds100ths() <= 0 ? 0 : w.requests() * 100.0 / w.seconds100ths();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
