package dev.bellows.lint;

import dev.bellows.load.MigrationLoadException;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlComment;
import dev.bellows.sql.SqlSyntax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads an existing Flyway folder as one history: every {@code V<version>__<desc>.sql} file, in
 * version order, is its own release; its phase is expand unless a comment before its first
 * statement says {@code bellows:phase contract} (or {@code migrate}). {@link #load} returns the
 * versioned files only (what verify and the JUnit extension apply); lint also reads the repeatable
 * ({@code R__}) files with {@link #repeatables} and reports every other {@code .sql} file (undo
 * {@code U} files, misnamed files) from {@link #notLinted}.
 */
public final class FlywayLoader {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEATABLE = Pattern.compile("R__.+\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDO = Pattern.compile("U\\d+(?:[._]\\d+)*__.+\\.sql", Pattern.CASE_INSENSITIVE);
    /** Numbers of repeatable files: after the versioned file (number 1) of the newest release. */
    private static final int FIRST_REPEATABLE = 1001;
    private static final String PHASE_MARKER = "bellows:phase";

    private FlywayLoader() {
    }

    public static MigrationSet load(Path directory, SqlSyntax syntax) {
        if (!Files.isDirectory(directory)) {
            throw new MigrationLoadException(directory, "is not a directory; --flyway must name the folder that holds "
                    + "the V<version>__<description>.sql files");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> VERSIONED.matcher(p.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            throw new MigrationLoadException(directory, "cannot be listed: " + e.getMessage());
        }
        List<Migration> out = new ArrayList<>();
        for (Path f : files.stream().sorted(Comparator.comparing(FlywayLoader::version)).toList()) {
            Migration m = MigrationLoader.read(version(f), Phase.EXPAND, 1, f, syntax);
            Phase phase = headerPhase(m);
            out.add(phase == Phase.EXPAND ? m : MigrationLoader.read(m.release(), phase, 1, f, syntax));
        }
        if (out.isEmpty()) {
            throw new MigrationLoadException(directory, "holds no Flyway migration (V<version>__<description>.sql)");
        }
        return new MigrationSet(directory, out);
    }

    /**
     * The repeatable ({@code R__}) files, in Flyway's order (by description), as expand migrations of
     * {@code newest} (the newest versioned release): Flyway runs them after the versioned ones.
     */
    public static List<Migration> repeatables(Path directory, Release newest, SqlSyntax syntax) {
        List<Migration> out = new ArrayList<>();
        int n = FIRST_REPEATABLE;
        for (Path f : list(directory, REPEATABLE)) {
            out.add(MigrationLoader.read(newest, Phase.EXPAND, n++, f, syntax));
        }
        return out;
    }

    /** A {@code .sql} file of the folder that lint does not read, and why. */
    public record NotLinted(Path file, boolean undo) {
    }

    /** Undo ({@code U<version>__}) files and {@code .sql} files Flyway does not recognise as migrations. */
    public static List<NotLinted> notLinted(Path directory) {
        List<NotLinted> out = new ArrayList<>();
        for (Path f : list(directory, Pattern.compile(".+\\.sql", Pattern.CASE_INSENSITIVE))) {
            String name = f.getFileName().toString();
            if (!VERSIONED.matcher(name).matches() && !REPEATABLE.matcher(name).matches()) {
                out.add(new NotLinted(f, UNDO.matcher(name).matches()));
            }
        }
        return out;
    }

    private static List<Path> list(Path directory, Pattern names) {
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> names.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new MigrationLoadException(directory, "cannot be listed: " + e.getMessage());
        }
    }

    static Release version(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new MigrationLoadException(file, "is not a Flyway versioned migration");
        }
        return Release.of(m.group(1).replace('_', '.'));
    }

    /** The phase a {@code -- bellows:phase} comment before the first statement names; expand without one. */
    static Phase headerPhase(Migration m) {
        if (m.statements().isEmpty()) {
            return Phase.EXPAND;
        }
        for (SqlComment c : m.statements().get(0).leadingComments()) {
            String text = c.text().toLowerCase(Locale.ROOT);
            if (text.startsWith(PHASE_MARKER)) {
                String id = text.substring(PHASE_MARKER.length()).strip();
                return Phase.fromId(id).orElseThrow(() -> new MigrationLoadException(m.path(),
                        "line " + c.line() + ": unknown phase '" + id + "'; write -- bellows:phase expand, migrate "
                                + "or contract"));
            }
        }
        return Phase.EXPAND;
    }
}
