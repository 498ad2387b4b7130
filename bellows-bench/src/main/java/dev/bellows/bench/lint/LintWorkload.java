package dev.bellows.bench.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic PostgreSQL migration workload for the speed benchmarks: {@code files} files of
 * {@code perFile} statements each, a mix of DDL, DML, function bodies and comments, some safe and
 * some that both Bellows and squawk flag. Every statement is valid PostgreSQL.
 */
public final class LintWorkload {

    private LintWorkload() {
    }

    static String statement(int i) {
        int p = Math.max(0, i - 1);
        return switch (i % 12) {
            case 0 -> "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name varchar(100) NOT NULL, "
                    + "created_at timestamptz NOT NULL DEFAULT now());";
            case 1 -> "ALTER TABLE t" + p + " ADD COLUMN c" + i + " integer;";
            case 2 -> "CREATE INDEX CONCURRENTLY t" + p + "_c" + i + "_idx ON t" + p + " (name);";
            case 3 -> "ALTER TABLE orders" + i + " ADD CONSTRAINT orders" + i + "_fk FOREIGN KEY (customer_id) "
                    + "REFERENCES customers (id) NOT VALID;";
            case 4 -> "ALTER TABLE orders" + p + " VALIDATE CONSTRAINT orders" + p + "_fk;";
            case 5 -> "-- a comment about the next statement\nCOMMENT ON COLUMN t" + p + ".name IS 'name " + i + "';";
            case 6 -> "INSERT INTO settings (name, value) VALUES ('k" + i + "', 'v" + i + "');";
            case 7 -> "CREATE OR REPLACE FUNCTION f" + i + "() RETURNS integer LANGUAGE plpgsql AS $$\nBEGIN\n"
                    + "  RETURN " + i + ";\nEND\n$$;";
            case 8 -> "ALTER TABLE legacy" + i + " DROP COLUMN old" + i + ";";
            case 9 -> "CREATE INDEX big" + i + "_x_idx ON big" + i + " (x);";
            case 10 -> "UPDATE accounts SET name = 'x' WHERE id >= " + i + " AND id < " + (i + 1000) + ";";
            default -> "ALTER TABLE accounts ALTER COLUMN name SET DEFAULT '';";
        };
    }

    /** Writes the workload below {@code dir}; returns the files in order. */
    public static List<Path> write(Path dir, int files, int perFile) {
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int i = 0;
            for (int f = 0; f < files; f++) {
                StringBuilder b = new StringBuilder();
                for (int s = 0; s < perFile; s++) {
                    b.append(statement(i++)).append("\n\n");
                }
                Path file = dir.resolve(String.format(Locale.ROOT, "V%03d__workload.sql", f + 1));
                Files.writeString(file, b.toString());
                out.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code LintWorkload DIR [FILES [STATEMENTS_PER_FILE]]}: writes the workload (default 50 × 100). */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "bellows-bench/target/lint-workload");
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int perFile = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        List<Path> written = write(dir, files, perFile);
        System.out.println("wrote " + written.size() + " files, " + files * perFile + " statements to " + dir);
    }
}
