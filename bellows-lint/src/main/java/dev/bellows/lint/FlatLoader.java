package dev.bellows.lint;

import dev.bellows.load.MigrationLoadException;
import dev.bellows.load.MigrationLoader;
import dev.bellows.load.Paths;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.SqlSyntaxException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --layout flat}: one folder of ordered SQL files, as golang-migrate ({@code 0001_name.up.sql}
 * and {@code 0001_name.down.sql}), dbmate ({@code 20240101120000_name.sql} with {@code -- migrate:up}
 * and {@code -- migrate:down} sections) and plain numbered folders ({@code 001_name.sql}) keep them.
 * Each file is its own release, named by its number, in number order; it is expand unless a comment
 * before its first statement says {@code -- bellows:phase contract} (or {@code migrate}). Files are
 * read verbatim: {@code .down.sql} files and dbmate's {@code migrate:down} sections are not read (a
 * rolling upgrade never runs them).
 */
public final class FlatLoader {

    private static final Pattern FILE = Pattern.compile("(\\d{1,18})(?:[_\\-.].*)?\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOWN = Pattern.compile(".*[._]down\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern DBMATE_UP = Pattern.compile("^--\\s*migrate:up\\b.*$", Pattern.MULTILINE);
    private static final Pattern DBMATE_DOWN = Pattern.compile("^--\\s*migrate:down\\b.*$", Pattern.MULTILINE);

    private FlatLoader() {
    }

    public static MigrationSet load(Path directory, SqlSyntax syntax) {
        if (!Files.isDirectory(directory)) {
            throw new MigrationLoadException(directory, Files.exists(directory)
                    ? "not a directory; --layout flat reads one folder of numbered .sql files"
                    : "does not exist; pass the folder of numbered .sql files with --location DIR");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MigrationLoadException(directory, "cannot be listed: " + e.getMessage());
        }
        Map<Release, Path> byNumber = new HashMap<>();
        List<Migration> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (DOWN.matcher(name).matches()) {
                continue;
            }
            Matcher m = FILE.matcher(name);
            if (!m.matches()) {
                throw new MigrationLoadException(f, "file name does not start with its order number; in a flat "
                        + "layout name files like 0001_create_books.up.sql or 001_create_books.sql");
            }
            Release release = Release.of(String.valueOf(Long.parseLong(m.group(1))));
            Path other = byNumber.putIfAbsent(release, f);
            if (other != null) {
                throw new MigrationLoadException(f, "has the same number " + m.group(1) + " as " + other.getFileName()
                        + "; renumber one of them");
            }
            out.add(read(release, f, syntax));
        }
        if (out.isEmpty()) {
            throw new MigrationLoadException(directory, "holds no numbered .sql file (like 0001_create_books.up.sql)");
        }
        out.sort(java.util.Comparator.comparing(Migration::release));
        return new MigrationSet(directory, out);
    }

    /** One file as one release; a dbmate file up to its {@code -- migrate:down} line (line numbers kept). */
    private static Migration read(Release release, Path file, SqlSyntax syntax) {
        Migration whole = MigrationLoader.read(release, Phase.EXPAND, 1, file, syntax);
        String content = whole.content();
        Migration m = whole;
        if (DBMATE_UP.matcher(content).find()) {
            Matcher down = DBMATE_DOWN.matcher(content);
            if (down.find()) {
                String up = content.substring(0, down.start());
                try {
                    m = new Migration(release, Phase.EXPAND, 1, whole.fileName(), file, Paths.display(file), up,
                            MigrationLoader.sha256(content.getBytes(StandardCharsets.UTF_8)),
                            SqlSplitter.split(up, syntax));
                } catch (SqlSyntaxException e) {
                    throw new MigrationLoadException(file, "line " + e.line() + ", column " + e.column() + ": "
                            + e.getMessage());
                }
            }
        }
        Phase phase = FlywayLoader.headerPhase(m);
        return phase == Phase.EXPAND ? m : new Migration(release, phase, 1, m.fileName(), m.path(), m.displayPath(),
                m.content(), m.checksum(), m.script());
    }
}
