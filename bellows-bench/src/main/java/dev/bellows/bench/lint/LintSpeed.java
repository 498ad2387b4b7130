package dev.bellows.bench.lint;

import dev.bellows.lint.InlineMigration;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.LintReport;
import dev.bellows.lint.Linter;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * In-process lint throughput: the whole pipeline (split, recognize, replay the schema model, run
 * every rule) over the workload, repeated after a warm-up; prints statements per second. Run it
 * with {@code -Xmx64m} to see it needs little heap.
 * Run (after {@code mvn -Pbench-jar … package}): {@code java -cp bellows-bench/target/bellows-bench-all.jar dev.bellows.bench.lint.LintSpeed}.
 */
public final class LintSpeed {

    private static final int ROUNDS = 5;

    private LintSpeed() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("bellows-lint-speed");
        List<Path> files = LintWorkload.write(dir, 50, 100);
        List<String> sql = new ArrayList<>();
        for (Path f : files) {
            sql.add(Files.readString(f));
        }
        LintOptions options = LintOptions.of(LintDialect.POSTGRESQL);
        int statements = lint(sql, options).statements();
        long findings = lint(sql, options).findings().size();
        System.out.printf(Locale.ROOT, "%d statements, %d findings per pass; system load average %.2f on %d cpus%n",
                statements, findings, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "warm-up (3 s): %,.0f statements/s%n", statements / measure(sql, options, 3.0));
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            double rate = statements / measure(sql, options, 2.0);
            rates.add(rate);
            System.out.printf(Locale.ROOT, "round %d (2 s): %,.0f statements/s%n", round, rate);
        }
        Collections.sort(rates);
        System.out.printf(Locale.ROOT, "median of %d rounds: %,.0f statements/s (min %,.0f, max %,.0f)%n", ROUNDS,
                rates.get(ROUNDS / 2), rates.get(0), rates.get(ROUNDS - 1));
        for (Path f : files) {
            Files.delete(f);
        }
        Files.delete(dir);
    }

    /** Average seconds per pass, over passes for about {@code budget} seconds. */
    private static double measure(List<String> sql, LintOptions options, double budget) {
        long start = System.nanoTime();
        long end = start + (long) (budget * 1e9);
        int passes = 0;
        long now;
        do {
            lint(sql, options);
            passes++;
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1e9 / passes;
    }

    private static LintReport lint(List<String> sql, LintOptions options) {
        List<Migration> ms = new ArrayList<>(sql.size());
        for (int i = 0; i < sql.size(); i++) {
            ms.add(InlineMigration.of(options.dialect(), Linter.LOOSE, Phase.EXPAND, i + 1, "w" + i + ".sql",
                    sql.get(i)));
        }
        return Linter.lint(ms, options);
    }
}
