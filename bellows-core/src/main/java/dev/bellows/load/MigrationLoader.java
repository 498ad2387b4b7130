package dev.bellows.load;

import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlScript;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.SqlSyntaxException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the release/phase layout:
 * <pre>
 * LOCATION/RELEASE/{expand,migrate,contract}/NNN_description.sql
 * </pre>
 * Everything is validated before anything is returned, so a bad layout applies nothing.
 */
public final class MigrationLoader {

    private static final Pattern FILE = Pattern.compile("(\\d+)(?:[_\\-.](.*))?\\.sql", Pattern.CASE_INSENSITIVE);

    private MigrationLoader() {
    }

    /** Loads the SQL files below {@code location} and the Java migrations of {@link JavaMigrations#defaults()}. */
    public static MigrationSet load(Path location, SqlSyntax syntax) {
        return load(location, syntax, JavaMigrations.defaults());
    }

    /** Loads the SQL files below {@code location} and the Java migrations that {@code java} finds. */
    public static MigrationSet load(Path location, SqlSyntax syntax, JavaMigrations java) {
        if (!Files.isDirectory(location)) {
            throw new MigrationLoadException(location, Files.exists(location)
                    ? "not a directory; --location must name the directory that holds the release directories"
                    : "migration location does not exist; create it or pass --location DIR");
        }
        Map<Release, Path> releases = new TreeMap<>();
        for (Path child : list(location)) {
            String name = child.getFileName().toString();
            if (isIgnored(name)) {
                continue;
            }
            if (Files.isRegularFile(child)) {
                if (name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                    throw new MigrationLoadException(child, "SQL file outside any release; move it to "
                            + "RELEASE/expand|migrate|contract/ below " + Paths.display(location));
                }
                continue;
            }
            Release release = Release.parse(name).orElseThrow(() -> new MigrationLoadException(child,
                    "'" + name + "' is not a release version; name release directories like 1.4 or 2026.2"));
            Path other = releases.putIfAbsent(release, child);
            if (other != null) {
                throw new MigrationLoadException(child, "names the same release as " + Paths.display(other)
                        + "; merge the two directories");
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (Map.Entry<Release, Path> e : releases.entrySet()) {
            migrations.addAll(loadRelease(e.getKey(), e.getValue(), syntax));
        }
        List<Release> declared = List.copyOf(releases.keySet());
        List<Migration> javaMigrations = java.find(location);
        if (!javaMigrations.isEmpty()) {
            migrations = merge(migrations, javaMigrations);
        }
        return new MigrationSet(location, migrations, declared);
    }

    /** Adds Java migrations among the files: ordered by release, phase, number; a number used twice is an error. */
    private static List<Migration> merge(List<Migration> files, List<Migration> javaMigrations) {
        Map<String, Migration> byNumber = new HashMap<>();
        for (Migration m : files) {
            byNumber.put(m.release() + "/" + m.phase().id() + "/" + m.number(), m);
        }
        for (Migration j : javaMigrations) {
            Migration other = byNumber.putIfAbsent(j.release() + "/" + j.phase().id() + "/" + j.number(), j);
            if (other != null) {
                throw new MigrationLoadException(j.path(), "Java migration " + j.displayPath() + " has the same "
                        + "number " + j.number() + " as " + other.displayPath() + " in release " + j.release() + ", "
                        + "phase " + j.phase().id() + "; renumber one of them");
            }
        }
        List<Migration> all = new ArrayList<>(files);
        all.addAll(javaMigrations);
        all.sort(Comparator.comparing(Migration::release).thenComparing(Migration::phase)
                .thenComparingInt(Migration::number));
        return all;
    }

    private static List<Migration> loadRelease(Release release, Path dir, SqlSyntax syntax) {
        Map<Phase, Path> phases = new TreeMap<>();
        for (Path child : list(dir)) {
            String name = child.getFileName().toString();
            if (isIgnored(name)) {
                continue;
            }
            if (Files.isRegularFile(child)) {
                if (name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                    throw new MigrationLoadException(child, "SQL file outside any phase; move it into "
                            + Paths.display(dir) + "/expand, /migrate or /contract");
                }
                continue;
            }
            Phase phase = Phase.fromId(name).orElseThrow(() -> new MigrationLoadException(child,
                    "unknown phase directory '" + name + "'; phase directories are expand, migrate and contract"));
            phases.put(phase, child);
        }
        if (phases.isEmpty()) {
            throw new MigrationLoadException(dir, "release directory has no phase directory; put its files in "
                    + "expand/, migrate/ or contract/ below it");
        }
        List<Migration> out = new ArrayList<>();
        for (Map.Entry<Phase, Path> e : phases.entrySet()) {
            out.addAll(loadPhase(release, e.getKey(), e.getValue(), syntax));
        }
        return out;
    }

    private static List<Migration> loadPhase(Release release, Phase phase, Path dir, SqlSyntax syntax) {
        Map<Integer, Path> byNumber = new HashMap<>();
        List<Migration> out = new ArrayList<>();
        for (Path file : list(dir)) {
            String name = file.getFileName().toString();
            if (isIgnored(name) || isDoc(name)) {
                continue;
            }
            if (Files.isDirectory(file)) {
                throw new MigrationLoadException(file, "directory inside a phase directory; put migration files "
                        + "directly in " + Paths.display(dir));
            }
            Matcher m = FILE.matcher(name);
            if (!m.matches()) {
                throw new MigrationLoadException(file, name.toLowerCase(Locale.ROOT).endsWith(".sql")
                        ? "file name has no numeric prefix; name it like 001_add_books_isbn.sql"
                        : "not a migration file; migration files end in .sql and start with a number, "
                        + "like 001_add_books_isbn.sql");
            }
            int number;
            try {
                number = Integer.parseInt(m.group(1));
            } catch (NumberFormatException ex) {
                throw new MigrationLoadException(file, "numeric prefix is too large; use at most 9 digits");
            }
            Path other = byNumber.putIfAbsent(number, file);
            if (other != null) {
                throw new MigrationLoadException(file, "has the same number " + number + " as "
                        + other.getFileName() + " in " + Paths.display(dir) + "; renumber one of them");
            }
            out.add(read(release, phase, number, file, syntax));
        }
        out.sort(Comparator.comparingInt(Migration::number));
        return out;
    }

    /**
     * Reads and splits one file; also used for loose files that the linter checks. A file that is
     * empty, blank or holds only comments loads with no statement: it runs as a recorded no-op and
     * lint warns about it ({@code empty-migration}), as foreign histories ship such files.
     */
    /** Largest migration file Bellows reads (64 MB): a bigger one is an error before anything runs. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    public static Migration read(Release release, Phase phase, int number, Path file, SqlSyntax syntax) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new MigrationLoadException(file, "is " + (size >> 20) + " MB, more than the "
                        + (MAX_FILE_BYTES >> 20) + " MB a migration file may have; split it into several files, or "
                        + "load bulk data outside the migration (COPY, LOAD DATA) and keep the schema change here");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MigrationLoadException(file, "cannot be read: " + e.getMessage());
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MigrationLoadException(file, "is not valid UTF-8; save it as UTF-8");
        }
        int nul = content.indexOf('\0');
        if (nul >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < nul; i++) {
                if (content.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new MigrationLoadException(file, "line " + line + ", column " + (nul - lineStart + 1) + ": contains a "
                    + "NUL byte (0x00), which no database accepts in SQL text; remove it (a file saved as UTF-16, or "
                    + "binary data pasted in, has them). Nothing was run.");
        }
        SqlScript script;
        try {
            script = SqlSplitter.split(content, syntax);
        } catch (SqlSyntaxException e) {
            throw new MigrationLoadException(file, "line " + e.line() + ", column " + e.column() + ": "
                    + e.getMessage());
        } catch (OutOfMemoryError e) {
            // Only the splitter's own structures for this file were being built; they are garbage now.
            throw new MigrationLoadException(file, "is " + (bytes.length >> 20) + " MB, and reading it into "
                    + "statements needs more memory than this Java process has (about 25 bytes per byte of SQL; "
                    + "the heap is at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MB). Give Java more "
                    + "memory (CLI: BELLOWS_JAVA_OPTS=-Xmx4g; Maven: MAVEN_OPTS=-Xmx4g) or split the file into "
                    + "smaller ones. Nothing was run.");
        }
        return new Migration(release, phase, number, file.getFileName().toString(), file, Paths.display(file),
                content, sha256(bytes), script);
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.digest(bytes));
    }

    private static boolean isIgnored(String name) {
        return name.startsWith(".");
    }

    private static boolean isDoc(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".txt");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new MigrationLoadException(dir, "cannot be listed: " + e.getMessage());
        }
    }
}
