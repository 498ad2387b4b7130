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
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * In-process lint throughput: the whole pipeline (split, recognize, replay the schema model, run
 * every rule) over the workload, repeated after a warm-up; prints statements per second.
 * Run: {@code java -cp bellows-bench/target/bellows-bench-all.jar dev.bellows.bench.lint.LintSpeed}.
 */
public final class LintSpeed {

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
        double seconds = 0;
        for (int round = 0; round < 3; round++) {
            seconds = measure(sql, options, round == 0 ? 2.0 : 3.0);
            System.out.printf(Locale.ROOT, "%s: %,.0f statements/s (%d statements, %d findings per pass)%n",
                    round == 0 ? "warm-up" : "round " + round, statements / seconds, statements, findings);
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap used (sum of pool peaks): %.1f MB%n", heap / 1e6);
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
