package dev.bellows.bench.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * 300 mixed migrations, written twice with the same SQL in the same order: as Bellows'
 * release/phase layout and as Flyway's {@code V<n>__<desc>.sql} files. Each of 30 releases has 7
 * expand files (create table, seed 200 rows, add column, index, view, function, comment), 1 migrate
 * file (an UPDATE that fills the new column) and 2 contract files (drop a column, add a CHECK).
 */
final class MixedMigrations {

    static final int RELEASES = 30;

    /** One migration file's content and where it goes. */
    record File(int release, String phase, int number, String name, String sql) {
    }

    private MixedMigrations() {
    }

    static List<File> files() {
        List<File> out = new ArrayList<>();
        for (int r = 1; r <= RELEASES; r++) {
            String t = "t" + r;
            out.add(new File(r, "expand", 1, "create_" + t, "CREATE TABLE " + t + " (id bigint PRIMARY KEY, "
                    + "a int NOT NULL, b text, legacy text);\n"));
            out.add(new File(r, "expand", 2, "seed_" + t, "INSERT INTO " + t + " (id, a, b, legacy) "
                    + "SELECT g, g % 100, 'row ' || g, 'x' FROM generate_series(1, 200) g;\n"));
            out.add(new File(r, "expand", 3, "add_c", "ALTER TABLE " + t + " ADD COLUMN c int;\n"));
            out.add(new File(r, "expand", 4, "index_a", "CREATE INDEX " + t + "_a_idx ON " + t + " (a);\n"));
            out.add(new File(r, "expand", 5, "view", "CREATE VIEW v" + r + " AS SELECT id, a, b FROM " + t + ";\n"));
            out.add(new File(r, "expand", 6, "function", "CREATE FUNCTION f" + r + "(x int) RETURNS int "
                    + "LANGUAGE sql AS $$ SELECT x + " + r + " $$;\n"));
            out.add(new File(r, "expand", 7, "comment", "COMMENT ON TABLE " + t + " IS 'release " + r + "';\n"));
            out.add(new File(r, "migrate", 1, "fill_c", "UPDATE " + t + " SET c = a * 2 WHERE c IS NULL;\n"));
            out.add(new File(r, "contract", 1, "drop_legacy", "ALTER TABLE " + t + " DROP COLUMN legacy;\n"));
            out.add(new File(r, "contract", 2, "check_a", "ALTER TABLE " + t + " ADD CONSTRAINT " + t
                    + "_a_check CHECK (a >= 0);\n"));
        }
        return out;
    }

    static String release(int r) {
        return "1." + r;
    }

    /** Bellows layout: {@code 1.R/PHASE/00N_name.sql}. */
    static Path writeBellows(Path dir) throws IOException {
        for (File f : files()) {
            Path p = dir.resolve(release(f.release())).resolve(f.phase())
                    .resolve(String.format("%03d_%s.sql", f.number(), f.name()));
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.sql());
        }
        return dir;
    }

    /** Flyway layout: {@code V<seq>__r<R>_<phase>_<name>.sql}, in release, then phase order. */
    static Path writeFlyway(Path dir) throws IOException {
        Files.createDirectories(dir);
        int seq = 1;
        for (File f : files()) {
            Files.writeString(dir.resolve("V" + seq++ + "__r" + f.release() + "_" + f.phase() + "_" + f.name()
                    + ".sql"), f.sql());
        }
        return dir;
    }
}
