package dev.bellows.bench.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * 300 mixed migrations, written twice with the same SQL in the same order: as Bellows'
 * release/phase layout and as Flyway's {@code V<n>__<desc>.sql} files. They come in units of ten
 * files about one table: 7 expand files (create table, seed 200 rows, add column, index, view,
 * function, comment), 1 migrate file (an UPDATE that fills the new column) and 2 contract files
 * (drop a column, add a CHECK); 30 units spread over RELEASES releases.
 *
 * @param releases how many releases the 30 units are spread over (30: one unit per release)
 */
record MixedMigrations(int releases) {

    static final int UNITS = 30;

    /** One migration file's content and where it goes. */
    record File(int release, String phase, int number, String name, String sql) {
    }

    MixedMigrations {
        if (releases < 1 || UNITS % releases != 0) {
            throw new IllegalArgumentException("releases must divide " + UNITS);
        }
    }

    List<File> files() {
        List<File> out = new ArrayList<>();
        int perRelease = UNITS / releases;
        for (int r = 1; r <= releases; r++) {
            List<File> expand = new ArrayList<>();
            List<File> migrate = new ArrayList<>();
            List<File> contract = new ArrayList<>();
            for (int u = 1; u <= perRelease; u++) {
                unit(r, (r - 1) * perRelease + u, expand, migrate, contract);
            }
            out.addAll(expand);
            out.addAll(migrate);
            out.addAll(contract);
        }
        return out;
    }

    /** The ten files of table t{@code k}, numbered after those already in the lists. */
    private static void unit(int r, int k, List<File> expand, List<File> migrate, List<File> contract) {
        String t = "t" + k;
        String[][] ex = {
            {"create_" + t, "CREATE TABLE " + t + " (id bigint PRIMARY KEY, a int NOT NULL, b text, legacy text);\n"},
            {"seed_" + t, "INSERT INTO " + t + " (id, a, b, legacy) SELECT g, g % 100, 'row ' || g, 'x' "
                    + "FROM generate_series(1, 200) g;\n"},
            {"add_c_" + t, "ALTER TABLE " + t + " ADD COLUMN c int;\n"},
            {"index_" + t, "CREATE INDEX " + t + "_a_idx ON " + t + " (a);\n"},
            {"view_" + t, "CREATE VIEW v" + k + " AS SELECT id, a, b FROM " + t + ";\n"},
            {"function_" + t, "CREATE FUNCTION f" + k + "(x int) RETURNS int LANGUAGE sql AS $$ SELECT x + " + k
                    + " $$;\n"},
            {"comment_" + t, "COMMENT ON TABLE " + t + " IS 'table " + k + "';\n"}};
        for (String[] f : ex) {
            expand.add(new File(r, "expand", expand.size() + 1, f[0], f[1]));
        }
        migrate.add(new File(r, "migrate", migrate.size() + 1, "fill_c_" + t,
                "UPDATE " + t + " SET c = a * 2 WHERE c IS NULL;\n"));
        contract.add(new File(r, "contract", contract.size() + 1, "drop_legacy_" + t,
                "ALTER TABLE " + t + " DROP COLUMN legacy;\n"));
        contract.add(new File(r, "contract", contract.size() + 1, "check_" + t,
                "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_a_check CHECK (a >= 0);\n"));
    }

    static String release(int r) {
        return "1." + r;
    }

    /** Bellows layout: {@code 1.R/PHASE/00N_name.sql}. */
    Path writeBellows(Path dir) throws IOException {
        for (File f : files()) {
            Path p = dir.resolve(release(f.release())).resolve(f.phase())
                    .resolve(String.format("%03d_%s.sql", f.number(), f.name()));
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.sql());
        }
        return dir;
    }

    /** Flyway layout: {@code V<seq>__r<R>_<phase>_<name>.sql}, in release, then phase order. */
    Path writeFlyway(Path dir) throws IOException {
        Files.createDirectories(dir);
        int seq = 1;
        for (File f : files()) {
            Files.writeString(dir.resolve("V" + seq++ + "__r" + f.release() + "_" + f.phase() + "_" + f.name()
                    + ".sql"), f.sql());
        }
        return dir;
    }
}
