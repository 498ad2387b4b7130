package dev.bellows.bench;

import dev.bellows.db.PostgresDialect;
import dev.bellows.embedded.EmbeddedPostgresServer;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.verify.SchemaSource;
import dev.bellows.verify.Verifier;
import dev.bellows.verify.VerifyOptions;
import dev.bellows.verify.VerifyReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code verify --schema-from} on a live schema of 300 tables (each with a primary key, an index and
 * a default; every other one a foreign key to the one before it), 30 views, 30 functions, 30
 * triggers, 10 sequences and 10 enum types, built by hand on one embedded PostgreSQL; the same
 * schema is release 1.0 of a migration folder, and release 1.1 holds 5 pending files. Each round
 * times both ways to the same verdicts on 1.1, each with its own embedded shadow started and
 * stopped, as {@code bellows verify} does:
 * <ul>
 *   <li>{@code --schema-from}: copy the live catalog into the shadow, then verify 1.1;</li>
 *   <li>from files (the peer): apply 1.0 from its file, then verify 1.1 ({@code --since 1.0}).</li>
 * </ul>
 * Run from the project root:
 * <pre>
 * mvn -B -q -o -Pbench-jar -pl bellows-core,bellows-cli,bellows-bench package -DskipTests -am
 * java -cp bellows-bench/target/bellows-bench-all.jar dev.bellows.bench.SchemaFromBenchmark 5
 * </pre>
 */
public final class SchemaFromBenchmark {

    static final int TABLES = 300;

    private SchemaFromBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String schema = schema();
        Path dir = Files.createTempDirectory("bellows-schema-from-bench-");
        write(dir, "1.0/expand/001_schema.sql", schema);
        write(dir, "1.1/expand/001_add_column.sql", "ALTER TABLE t0007 ADD COLUMN note text;");
        write(dir, "1.1/expand/002_index.sql", "CREATE INDEX CONCURRENTLY t0011_amount ON t0011 (amount);");
        write(dir, "1.1/expand/003_view.sql", "CREATE VIEW t0013_names AS SELECT id, name FROM t0013;");
        write(dir, "1.1/contract/001_drop.sql", "ALTER TABLE t0017 DROP COLUMN flag;");
        write(dir, "1.1/contract/002_widen.sql", "ALTER TABLE t0019 ALTER COLUMN name TYPE varchar(200);");
        MigrationSet set = MigrationLoader.load(dir, SqlSyntax.POSTGRESQL);
        try (EmbeddedPostgresServer live = EmbeddedPostgresServer.start()) {
            String url = live.createDatabase("live");
            try (Connection c = DriverManager.getConnection(url, live.user(), live.password());
                 Statement st = c.createStatement()) {
                st.execute(schema);
            }
            SchemaSource source = SchemaSource.of(url, live.user(), live.password());
            VerifyOptions copy = VerifyOptions.defaults(new PostgresDialect()).withSince(Release.of("1.0"))
                    .withSchemaFrom(source);
            VerifyOptions files = VerifyOptions.defaults(new PostgresDialect()).withSince(Release.of("1.0"));
            Verifier.verify(set, copy); // warm-up of both paths
            Verifier.verify(set, files);
            List<Long> copyTimes = new ArrayList<>();
            List<Long> fileTimes = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                boolean copyFirst = i % 2 == 1;
                for (int k = 0; k < 2; k++) {
                    boolean isCopy = (k == 0) == copyFirst;
                    long t0 = System.nanoTime();
                    VerifyReport r = Verifier.verify(set, isCopy ? copy : files);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    (isCopy ? copyTimes : fileTimes).add(ms);
                    String copied = r.notes().stream().filter(n -> n.startsWith("schema copied")).findFirst()
                            .map(n -> n.substring(n.indexOf(") in ") + 2)).orElse("");
                    long notCopied = r.notes().stream().filter(n -> n.startsWith("not copied")).count();
                    System.out.printf(Locale.ROOT, "round %d %-12s %5d ms total (shadow ready %d ms) %d migrations "
                                    + "run, %d errors, %d warnings%s%n", i, isCopy ? "schema-from" : "from files",
                            ms, r.startMillis(), r.migrations().size(), r.errors(), r.warnings(),
                            isCopy ? "; copy " + copied + "; not copied: " + notCopied : "");
                }
            }
            long c = median(copyTimes);
            long f = median(fileTimes);
            System.out.printf(Locale.ROOT, "median of %d: schema-from %d ms, from files %d ms, ratio %.2f%n",
                    rounds, c, f, (double) c / f);
        }
    }

    /** The hand-built schema; as a file it is release 1.0. */
    static String schema() {
        StringBuilder sb = new StringBuilder();
        for (int e = 0; e < 10; e++) {
            sb.append("CREATE TYPE state").append(e).append(" AS ENUM ('new', 'active', 'closed');\n");
            sb.append("CREATE SEQUENCE seq").append(e).append(" START WITH 1000;\n");
        }
        for (int t = 0; t < TABLES; t++) {
            String name = table(t);
            sb.append("CREATE TABLE ").append(name).append(" (id bigserial PRIMARY KEY, name varchar(100) NOT NULL, "
                    + "amount numeric(12,2) DEFAULT 0, flag boolean NOT NULL DEFAULT false, state state")
                    .append(t % 10).append(" NOT NULL DEFAULT 'new', created timestamptz NOT NULL DEFAULT now(), "
                    + "ref bigint DEFAULT nextval('seq").append(t % 10).append("')");
            if (t % 2 == 1) {
                sb.append(", parent_id bigint REFERENCES ").append(table(t - 1)).append(" (id)");
            }
            sb.append(");\n");
            sb.append("CREATE INDEX ").append(name).append("_name ON ").append(name).append(" (name);\n");
        }
        for (int v = 0; v < 30; v++) {
            String t = table(v * 10);
            sb.append("CREATE VIEW ").append(t).append("_active AS SELECT id, name, amount FROM ").append(t)
                    .append(" WHERE state = 'active';\n");
            sb.append("CREATE FUNCTION ").append(t).append("_touch() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN NEW.name := trim(NEW.name); RETURN NEW; END $$;\n");
            sb.append("CREATE TRIGGER ").append(t).append("_touch BEFORE INSERT OR UPDATE ON ").append(t)
                    .append(" FOR EACH ROW EXECUTE FUNCTION ").append(t).append("_touch();\n");
        }
        return sb.toString();
    }

    private static String table(int t) {
        return String.format(Locale.ROOT, "t%04d", t);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void write(Path dir, String relative, String sql) throws java.io.IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, sql);
    }
}
