package dev.bellows.cli;

import dev.bellows.DatabaseException;
import dev.bellows.cli.demo.BellowsRollout;
import dev.bellows.cli.demo.DemoDatabase;
import dev.bellows.cli.demo.DemoFlavor;
import dev.bellows.cli.demo.LatencyChart;
import dev.bellows.cli.demo.Latencies;
import dev.bellows.cli.demo.NaiveRollout;
import dev.bellows.cli.demo.Timeline;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@picocli.CommandLine.Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"A rolling upgrade under live traffic, with no set-up: starts an embedded PostgreSQL (or, with "
                + "--database mariadb, an embedded MariaDB) with the "
                + "example bookshop at release 1.2, runs K application instances of 1.2 while Bellows expands to "
                + "1.3, switches the instances one by one to 1.3, migrates (keyed batches) and contracts. 1.3 adds "
                + "and backfills a column, renames a column through a new one kept in sync by triggers, and changes "
                + "a column's type through a new column. Prints the timeline, the failed requests and the latency "
                + "per phase; then applies the same change the naive way (one migration while 1.2 runs) on a "
                + "second database and prints the same numbers. Writes an HTML page with the request latency over "
                + "time of both rollouts side by side and prints its path."},
        footer = {"", "Examples:", "  ./bellows demo --instances 4 --rows 50000",
                "  ./bellows demo --database mariadb --html /tmp/demo.html"})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--instances", paramLabel = "K", defaultValue = "4",
            description = "Application instances of each release (default: 4).")
    int instances;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "50000",
            description = "Titles in the table before the upgrade (default: 50000).")
    long rows;

    @Option(names = "--database", paramLabel = "DB", defaultValue = "postgresql",
            description = "The embedded database to run on: postgresql (default) or mariadb.")
    String database;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Where to write the latency chart (default: bellows-demo-DB.html in the temp directory).")
    Path html;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DemoFlavor flavor = DemoFlavor.named(database);
        Path page = html != null ? html
                : Path.of(System.getProperty("java.io.tmpdir"), "bellows-demo-" + flavor.id() + ".html");
        Path temp = Files.createTempDirectory("bellows-demo-");
        try {
            Path migrations = extractExample(flavor.migrations(), temp.resolve("migrations"));
            String name = flavor == DemoFlavor.MARIADB ? "MariaDB" : "PostgreSQL";
            out.println("== Bellows demo: starting an embedded " + name + " (nothing to install)");
            out.flush();
            try (DemoFlavor.Server server = flavor.start()) {
                out.println("   " + server.describe());
                DemoDatabase bellowsDb = setUp(server, flavor, "bookshop", migrations, out);
                DemoDatabase naiveDb = setUp(server, flavor, "bookshop_naive", migrations, out);

                out.println();
                out.println("== Upgrade 1.2 -> 1.3 with Bellows, " + instances + " instances of 1.2 and " + instances
                        + " of 1.3 (database bookshop)");
                Latencies bellows = new BellowsRollout(bellowsDb, migrations, instances, new Timeline(out)).run();
                long inconsistent = bellowsDb.inconsistentRowsAfterUpgrade();
                report(out, bellows);
                out.println("   data check: " + inconsistent + " rows without the 1.3 values (sort_title, stock_count)");

                out.println();
                out.println("== The same change the naive way: one migration while 1.2 runs (database bookshop_naive)");
                for (String sql : flavor.naiveMigration()) {
                    out.println("   " + sql + ";");
                }
                Latencies naive = new NaiveRollout(naiveDb, instances, new Timeline(out)).run();
                report(out, naive);
                for (String error : naive.errorSamples()) {
                    out.println("   e.g. " + error);
                }

                out.println();
                out.println("== Result");
                out.println("failed requests: " + bellows.failed() + " of " + bellows.requests()
                        + "   (Bellows: expand, rolling switch, migrate, contract)");
                out.println("naive way, failed requests: " + naive.failed() + " of " + naive.requests()
                        + "   (one migration while release 1.2 runs)");
                LatencyChart.write(page, "Bellows demo on " + name + ": upgrade 1.2 -> 1.3 under live traffic",
                        String.format(Locale.ROOT, "%d instances, %,d titles; Bellows: %d of %d requests failed; "
                                        + "naive: %d of %d failed", instances, bellowsDb.maxId(), bellows.failed(),
                                bellows.requests(), naive.failed(), naive.requests()),
                        List.of(new LatencyChart.Rollout("bellows", "Bellows: expand, rollout, migrate, contract",
                                        bellows),
                                new LatencyChart.Rollout("naive", "Naive: one migration while 1.2 runs", naive)));
                out.println("latency chart: " + page.toAbsolutePath());
                out.println("== Done; stopping the database.");
                out.flush();
                return bellows.failed() == 0 && inconsistent == 0 ? 0 : 1;
            }
        } finally {
            deleteTree(temp);
        }
    }

    private DemoDatabase setUp(DemoFlavor.Server server, DemoFlavor flavor, String name, Path migrations,
                               PrintWriter out) throws Exception {
        DemoDatabase db = DemoDatabase.atRelease12(server.create(name), migrations, rows, flavor);
        out.printf(Locale.ROOT, "   database %s: releases 1.0-1.2 applied by Bellows, %,d titles%n", name, db.maxId());
        out.flush();
        return db;
    }

    private static void report(PrintWriter out, Latencies latencies) {
        out.printf(Locale.ROOT, "   %-18s %9s %7s %8s %8s %8s%n", "phase", "requests", "failed", "p50 ms", "p99 ms",
                "max ms");
        for (Latencies.Summary s : latencies.summaries()) {
            out.printf(Locale.ROOT, "   %-18s %9d %7d %8.1f %8.1f %8.1f%n", s.phase(), s.requests(), s.failed(),
                    s.p50(), s.p99(), s.max());
        }
        out.flush();
    }

    /** Copies the bundled example (inside the jar, or on the class path in a build) to {@code target}. */
    static Path extractExample(String example, Path target) throws IOException, URISyntaxException {
        URL url = DemoCommand.class.getClassLoader().getResource(example);
        if (url == null) {
            throw new DatabaseException("the bundled example migrations are missing from this build; "
                    + "rebuild with ./bellows");
        }
        URI uri = url.toURI();
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(fs.getPath(example), target);
            }
        } else {
            copyTree(Path.of(uri), target);
        }
        return target;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
