package dev.bellows.bench;

import dev.bellows.db.PostgresDialect;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Release;
import dev.bellows.queries.ManifestFormat;
import dev.bellows.queries.QueryLog;
import dev.bellows.queries.QueryManifests;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.verify.Verifier;
import dev.bellows.verify.VerifyOptions;
import dev.bellows.verify.VerifyReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Proving 2,000 captured statements (1,000 of release 1.0, 1,000 of release 1.1) across one release
 * boundary: verify with the manifests (each statement prepared after every schema change of the
 * phases its release meets) against the same verify without them, both with the embedded shadow's
 * start-up included, in the same run. Run it from the project root with
 * <pre>
 * mvn -B -q -o -pl bellows-core,bellows-cli,bellows-bench test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=runtime
 * java -cp bellows-bench/target/classes:$(cat /tmp/cp.txt) dev.bellows.bench.QueryProofBenchmark [REPETITIONS]
 * </pre>
 * Target (issue 13): at most 10 s for 2,000 statements, shadow included.
 */
public final class QueryProofBenchmark {

    static final int TABLES = 20;
    static final int PER_RELEASE = 1_000;

    private QueryProofBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("bellows-query-proof-bench-");
        Path migrations = dir.resolve("db/migrations");
        Path queries = dir.resolve("db/queries");
        writeMigrations(migrations);
        writeManifests(queries);
        MigrationSet set = MigrationLoader.load(migrations, SqlSyntax.POSTGRESQL);
        QueryManifests manifests = QueryManifests.load(queries, true, SqlSyntax.POSTGRESQL);
        System.out.printf(Locale.ROOT, "migrations: %d files in %d releases; manifests: %d statements%n",
                set.migrations().size(), set.releases().size(), manifests.statements());
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            VerifyOptions plain = VerifyOptions.defaults(new PostgresDialect());
            long t0 = System.nanoTime();
            VerifyReport a = Verifier.verify(set, plain);
            without.add((System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            VerifyReport b = Verifier.verify(set, plain.withQueries(manifests));
            with.add((System.nanoTime() - t0) / 1_000_000);
            if (a.failed() || b.failed()) {
                throw new IllegalStateException("the benchmark's migrations or statements should pass: "
                        + b.findings());
            }
            String summary = b.notes().stream().filter(n -> n.startsWith("query manifests:")).findFirst().orElse("");
            System.out.printf(Locale.ROOT, "run %d: verify %,d ms; verify + proof %,d ms (%s)%n", i + 1,
                    without.get(i), with.get(i), summary);
        }
        long m1 = median(without);
        long m2 = median(with);
        System.out.printf(Locale.ROOT, "median of %d: verify %,d ms, verify + proof of %,d statements %,d ms "
                + "(%.2fx; proof alone %,d ms); target <= 10,000 ms%n", reps, m1, manifests.statements(), m2,
                (double) m2 / m1, m2 - m1);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static void writeMigrations(Path root) throws IOException {
        StringBuilder create = new StringBuilder();
        for (int t = 0; t < TABLES; t++) {
            create.append("CREATE TABLE t").append(t).append(" (id bigint PRIMARY KEY, name text, qty integer, "
                    + "price numeric(10,2), active boolean, created timestamp, note varchar(200), legacy text);\n");
        }
        write(root.resolve("1.0/expand/001_tables.sql"), create.toString());
        StringBuilder add = new StringBuilder();
        for (int t = 0; t < TABLES; t++) {
            add.append("ALTER TABLE t").append(t).append(" ADD COLUMN label text;\n");
        }
        write(root.resolve("1.1/expand/001_labels.sql"), add.toString());
        write(root.resolve("1.1/expand/002_audit.sql"), "CREATE TABLE audit (id bigint PRIMARY KEY, what text);\n");
        StringBuilder idx = new StringBuilder();
        for (int t = 0; t < TABLES; t++) {
            idx.append("CREATE INDEX CONCURRENTLY t").append(t).append("_name ON t").append(t).append(" (name);\n");
        }
        write(root.resolve("1.1/expand/003_indexes.sql"), idx.toString());
        write(root.resolve("1.1/migrate/001_labels.sql"),
                "UPDATE t0 SET label = name WHERE id IN (SELECT id FROM t0 WHERE label IS NULL LIMIT 1000);\n");
        StringBuilder drop = new StringBuilder();
        for (int t = 0; t < TABLES; t++) {
            drop.append("ALTER TABLE t").append(t).append(" DROP COLUMN legacy;\n");
        }
        write(root.resolve("1.1/contract/001_drop_legacy.sql"), drop.toString());
    }

    /** 1,000 distinct statements per release, of the shapes an application sends, with typed parameters. */
    static void writeManifests(Path dir) {
        for (String release : List.of("1.0", "1.1")) {
            QueryLog log = new QueryLog(Release.of(release));
            String extra = release.equals("1.1") ? ", label" : "";
            int n = 0;
            for (int k = 0; n < PER_RELEASE; k++) {
                for (int t = 0; t < TABLES && n < PER_RELEASE; t++, n++) {
                    String table = "t" + t;
                    switch (k % 5) {
                        case 0 -> log.record("SELECT id, name, qty" + extra + " FROM " + table + " WHERE id = ? AND qty > "
                                + k, List.of("BIGINT"), 10);
                        case 1 -> log.record("UPDATE " + table + " SET qty = qty + ?, note = ? WHERE id = ? AND price < "
                                + k, List.of("INTEGER", "VARCHAR", "BIGINT"), 5);
                        case 2 -> log.record("INSERT INTO " + table + " (id, name, qty, price, active, created" + extra
                                + ") VALUES (?, ?, ? + " + k + ", ?, ?, ?" + (extra.isEmpty() ? "" : ", ?") + ")",
                                extra.isEmpty() ? List.of("BIGINT", "VARCHAR", "INTEGER", "NUMERIC", "BOOLEAN", "TIMESTAMP")
                                        : List.of("BIGINT", "VARCHAR", "INTEGER", "NUMERIC", "BOOLEAN", "TIMESTAMP",
                                        "VARCHAR"), 3);
                        case 3 -> log.record("SELECT count(*) FROM " + table + " WHERE active = ? AND created > ? AND qty < "
                                + k, List.of("BOOLEAN", "TIMESTAMP"), 2);
                        default -> log.record("DELETE FROM " + table + " WHERE id = ? AND name LIKE ? AND qty <> " + k,
                                List.of("BIGINT", "VARCHAR"), 1);
                    }
                }
            }
            log.write(dir, "generated by QueryProofBenchmark");
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static List<ManifestFormat.Captured> none() {
        return List.of();
    }
}
