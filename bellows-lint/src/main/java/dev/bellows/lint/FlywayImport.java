package dev.bellows.lint;

import dev.bellows.ConfigurationException;
import dev.bellows.RefusedException;
import dev.bellows.load.MigrationLoadException;
import dev.bellows.load.MigrationLoader;
import dev.bellows.load.Paths;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSyntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bellows import flyway DIR}: a Flyway folder (subfolders included, as Flyway scans them)
 * written as Bellows' layout, each file copied byte for byte:
 * <ul>
 *   <li>{@code V<version>__<desc>.sql} becomes release {@code <version>} ({@code _} read as {@code .}),
 *       file {@code 001_<desc>.sql} of its expand phase (or of the phase its header names with
 *       {@code -- bellows:phase contract});</li>
 *   <li>{@code R__<desc>.sql} (repeatable) becomes a file of the newest release's expand, after its
 *       versioned file, in Flyway's order: Bellows runs it once; a later change to it belongs in a new
 *       file of a later release;</li>
 *   <li>not converted, each named with the reason: SQL callbacks ({@code afterMigrate.sql} …), undo
 *       files ({@code U<version>__}), Java migrations, and files Flyway itself would not run.</li>
 * </ul>
 * Nothing is written when a target file exists, unless {@code force}.
 */
public final class FlywayImport {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDO = Pattern.compile("U\\d+(?:[._]\\d+)*__.+\\.sql", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALLBACK = Pattern.compile("(before|after)[A-Za-z]*(__.*)?\\.sql");
    private static final Pattern JAVA = Pattern.compile("[VRU].*\\.(java|class|kt)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:-]+)}");
    private static final int FIRST_REPEATABLE = 901;

    /** One file to write: where it comes from, where it goes, and anything the user should know about it. */
    public record Converted(Path from, Path to, Release release, Phase phase, List<String> notes) {
        public Converted {
            notes = List.copyOf(notes);
        }
    }

    /** A file of the Flyway folder that is not converted, and why. */
    public record NotConverted(Path file, String reason) {
    }

    /** The whole import, planned before anything is written. */
    public record Plan(Path source, Path target, List<Converted> files, List<NotConverted> notConverted) {
        public Plan {
            files = List.copyOf(files);
            notConverted = List.copyOf(notConverted);
        }

        /** Target files that exist already. */
        public List<Path> existing() {
            return files.stream().map(Converted::to).filter(Files::exists).toList();
        }

        /** Writes every file; refuses (writing nothing) when one exists and {@code force} is false. */
        public void write(boolean force) {
            List<Path> existing = existing();
            if (!existing.isEmpty() && !force) {
                throw new RefusedException("not importing into " + Paths.display(target) + ": "
                        + existing.size() + " target file(s) exist already ("
                        + existing.stream().limit(5).map(Paths::display).reduce((a, b) -> a + ", " + b).orElse("")
                        + (existing.size() > 5 ? ", …" : "") + "); import into an empty directory with --to DIR, "
                        + "or overwrite them with --force");
            }
            try {
                for (Converted c : files) {
                    Files.createDirectories(c.to().getParent());
                    Files.copy(c.from(), c.to(), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + Paths.display(target) + ": " + e.getMessage(), e);
            }
        }

        public long releases() {
            return files.stream().map(Converted::release).distinct().count();
        }
    }

    private FlywayImport() {
    }

    /** Plans the import of {@code source} into {@code target}; reads and splits every file, writes nothing. */
    public static Plan plan(Path source, Path target, SqlSyntax syntax) {
        if (!Files.isDirectory(source)) {
            throw new ConfigurationException(Paths.display(source) + ": " + (Files.exists(source) ? "not a directory"
                    : "no such directory") + "; pass the Flyway folder that holds the V<version>__<description>.sql "
                    + "files, e.g. src/main/resources/db/migration");
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(source)) {
            all = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new MigrationLoadException(source, "cannot be listed: " + e.getMessage());
        }
        Map<Release, Path> versions = new TreeMap<>();
        List<Path> repeatables = new ArrayList<>();
        List<NotConverted> skipped = new ArrayList<>();
        for (Path f : all) {
            String name = f.getFileName().toString();
            Matcher v = VERSIONED.matcher(name);
            if (v.matches()) {
                Release r = Release.of(v.group(1).replace('_', '.'));
                Path other = versions.putIfAbsent(r, f);
                if (other != null) {
                    throw new MigrationLoadException(f, "has the same version " + r + " as " + Paths.display(other)
                            + " (Flyway refuses this too); renumber one of them");
                }
            } else if (REPEATABLE.matcher(name).matches()) {
                repeatables.add(f);
            } else if (UNDO.matcher(name).matches()) {
                skipped.add(new NotConverted(f, "undo migration: a rolling upgrade never undoes; its drops belong "
                        + "in the contract phase of a later release, if anywhere"));
            } else if (CALLBACK.matcher(name).matches()) {
                skipped.add(new NotConverted(f, "Flyway callback: Bellows has no callbacks; if it must run, make "
                        + "its SQL a migration of the release that needs it (e.g. grants in expand)"));
            } else if (JAVA.matcher(name).matches()) {
                skipped.add(new NotConverted(f, "Java migration: port it to a SQL file, or to a class implementing "
                        + "dev.bellows.data.DataMigration for a batched data change (see README, migrate phase)"));
            } else if (name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                skipped.add(new NotConverted(f, "not named like a Flyway migration (V<version>__<desc>.sql or "
                        + "R__<desc>.sql), so Flyway does not run it either"));
            } else {
                skipped.add(new NotConverted(f, "not a migration file"));
            }
        }
        if (versions.isEmpty()) {
            throw new MigrationLoadException(source, "holds no Flyway versioned migration "
                    + "(V<version>__<description>.sql); nothing to import");
        }
        List<Converted> out = new ArrayList<>();
        Release newest = null;
        for (Map.Entry<Release, Path> e : versions.entrySet()) {
            Path f = e.getValue();
            Migration m = MigrationLoader.read(e.getKey(), Phase.EXPAND, 1, f, syntax);
            Phase phase = FlywayLoader.headerPhase(m);
            Matcher v = VERSIONED.matcher(f.getFileName().toString());
            v.matches();
            out.add(new Converted(f, target.resolve(e.getKey().name()).resolve(phase.id())
                    .resolve("001_" + fileSafe(v.group(2)) + ".sql"), e.getKey(), phase, notes(m)));
            newest = e.getKey();
        }
        int n = FIRST_REPEATABLE;
        repeatables.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path f : repeatables) {
            Migration m = MigrationLoader.read(newest, Phase.EXPAND, n, f, syntax);
            Matcher r = REPEATABLE.matcher(f.getFileName().toString());
            r.matches();
            List<String> notes = new ArrayList<>(notes(m));
            notes.add(0, "repeatable: runs once, after the last versioned file; put a later change to it in a new "
                    + "file of a later release (e.g. CREATE OR REPLACE VIEW in expand)");
            out.add(new Converted(f, target.resolve(newest.name()).resolve(Phase.EXPAND.id())
                    .resolve(n++ + "_" + fileSafe(r.group(1)) + ".sql"), newest, Phase.EXPAND, notes));
        }
        return new Plan(source, target, out, skipped);
    }

    private static List<String> notes(Migration m) {
        Set<String> names = new LinkedHashSet<>();
        Matcher p = PLACEHOLDER.matcher(m.content());
        while (p.find()) {
            names.add("${" + p.group(1) + "}");
        }
        List<String> out = new ArrayList<>();
        if (!names.isEmpty()) {
            out.add("holds Flyway placeholders " + String.join(", ", names) + ": copied as written; the database "
                    + "needs their values substituted before this file can run");
        }
        if (m.statements().isEmpty()) {
            out.add("holds no statement: recorded as an applied no-op (lint warns: empty-migration)");
        }
        return out;
    }

    private static String fileSafe(String description) {
        String s = description.replaceAll("[^A-Za-z0-9_\\-]+", "_");
        return s.isEmpty() ? "migration" : s;
    }
}
