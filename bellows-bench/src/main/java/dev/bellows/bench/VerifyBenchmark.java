package dev.bellows.bench;

import dev.bellows.db.PostgresDialect;
import dev.bellows.embedded.EmbeddedPostgresServer;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.MigrationSet;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.verify.LintComparison;
import dev.bellows.verify.Verifier;
import dev.bellows.verify.VerifyOptions;
import dev.bellows.verify.VerifyReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Verify time for 100 migrations (10 releases; expand, migrate and contract; 1,000 rows per table,
 * several rewrites, scans and concurrent index builds), shadow start-up included, and the start-up
 * cost of the embedded PostgreSQL alone. Run it from the project root with
 * <pre>
 * mvn -B -q -o -pl bellows-core,bellows-cli,bellows-bench test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=runtime
 * java -cp bellows-bench/target/classes:$(cat /tmp/cp.txt) dev.bellows.bench.VerifyBenchmark [REPETITIONS]
 * </pre>
 * Target (issue 4): at most 30 s for 100 migrations, shadow start included.
 */
public final class VerifyBenchmark {

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("bellows-verify-bench-");
        int files = writeMigrations(dir);
        MigrationSet set = MigrationLoader.load(dir, SqlSyntax.POSTGRESQL);
        System.out.printf(Locale.ROOT, "migrations: %d files, %d statements, %d releases%n", files,
                set.migrations().stream().mapToInt(m -> m.statements().size()).sum(), set.releases().size());
        for (int i = 1; i <= reps; i++) {
            long t0 = System.nanoTime();
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
            long started = System.nanoTime();
            server.createDatabase("bench");
            long created = System.nanoTime();
            server.close();
            long closed = System.nanoTime();
            System.out.printf(Locale.ROOT, "shadow alone #%d: start %d ms, create database %d ms, stop+delete %d ms%n",
                    i, ms(started - t0), ms(created - started), ms(closed - created));
        }
        VerifyReport last = null;
        for (int i = 1; i <= reps; i++) {
            long t0 = System.nanoTime();
            VerifyReport r = Verifier.verify(set, VerifyOptions.defaults(new PostgresDialect()));
            last = r;
            long total = System.nanoTime() - t0;
            System.out.printf(Locale.ROOT, "verify #%d: %d ms total (shadow ready %d ms, migrations %d ms, "
                            + "shadow stop %d ms); %d migrations run, %d errors, %d warnings%n",
                    i, ms(total), r.startMillis(), r.totalMillis() - r.startMillis(), ms(total) - r.totalMillis(),
                    r.migrations().size(), r.errors(), r.warnings());
        }
        if (last != null) {
            long t0 = System.nanoTime();
            LintComparison c = LintComparison.run(set, last, new PostgresDialect());
            System.out.printf(Locale.ROOT, "compare-lint: %d agreed, %d lint findings not confirmed, %d observed "
                    + "problems lint missed (%d ms)%n", c.agreed(), c.unconfirmed().size(), c.missed().size(),
                    ms(System.nanoTime() - t0));
            c.unconfirmed().forEach(f -> System.out.println("  not confirmed: " + f.file().replace(dir + "/", "")
                    + ":" + f.line() + " " + f.message()));
            c.missed().forEach(f -> System.out.println("  missed: " + f.file().replace(dir + "/", "")
                    + ":" + f.line() + " " + f.message()));
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** 10 files in release 1.0, then 10 per release for 1.1 … 1.9: 100 files. */
    static int writeMigrations(Path dir) throws IOException {
        int n = 0;
        for (int t = 0; t < 10; t++) {
            StringBuilder legacy = new StringBuilder();
            for (int r = 1; r <= 9; r++) {
                legacy.append(", legacy").append(r).append(" text DEFAULT 'x'");
            }
            write(dir, "1.0/expand/" + String.format("%03d", t + 1) + "_t" + t + ".sql",
                    "CREATE TABLE t" + t + " (id bigserial PRIMARY KEY, name varchar(50) NOT NULL, big int"
                            + legacy + ", created timestamptz NOT NULL DEFAULT now());\n"
                            + "CREATE INDEX t" + t + "_name_idx ON t" + t + " (name);\n"
                            + "INSERT INTO t" + t + " (name, big) SELECT 'n' || g, g FROM generate_series(1, 1000) g;\n");
            n++;
        }
        for (int r = 1; r <= 9; r++) {
            String t = "t" + r;
            String rel = "1." + r;
            n += write(dir, rel + "/expand/001_add_c.sql", "ALTER TABLE " + t + " ADD COLUMN c" + r + " text;\n");
            n += write(dir, rel + "/expand/002_add_n.sql",
                    "ALTER TABLE " + t + " ADD COLUMN n" + r + " integer NOT NULL DEFAULT 0;\n");
            n += write(dir, rel + "/expand/003_index.sql",
                    "CREATE INDEX CONCURRENTLY " + t + "_c" + r + "_idx ON " + t + " (c" + r + ");\n");
            n += write(dir, rel + "/expand/004_check.sql", "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_n" + r
                    + "_chk CHECK (n" + r + " >= 0) NOT VALID;\n");
            n += write(dir, rel + "/expand/005_validate.sql",
                    "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + t + "_n" + r + "_chk;\n");
            n += write(dir, rel + "/migrate/001_backfill_c.sql", "UPDATE " + t + " SET c" + r + " = 'v' || id "
                    + "WHERE id IN (SELECT id FROM " + t + " WHERE c" + r + " IS NULL ORDER BY id LIMIT 1000);\n");
            n += write(dir, rel + "/migrate/002_backfill_n.sql", "UPDATE " + t + " SET n" + r + " = 1 "
                    + "WHERE id IN (SELECT id FROM " + t + " WHERE n" + r + " = 0 ORDER BY id LIMIT 1000);\n");
            n += write(dir, rel + "/contract/001_drop_legacy.sql",
                    "ALTER TABLE " + t + " DROP COLUMN legacy" + r + ";\n");
            n += write(dir, rel + "/contract/002_widen_name.sql",
                    "ALTER TABLE " + t + " ALTER COLUMN name TYPE varchar(200);\n");
            n += write(dir, rel + "/contract/003_big.sql", "ALTER TABLE " + t + " ALTER COLUMN big TYPE bigint;\n");
        }
        return n;
    }

    private static int write(Path dir, String relative, String sql) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, sql);
        return 1;
    }
}
