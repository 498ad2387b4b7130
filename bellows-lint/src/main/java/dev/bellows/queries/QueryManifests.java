package dev.bellows.queries;

import dev.bellows.ConfigurationException;
import dev.bellows.load.Paths;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSyntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The query manifests of a project: one {@code <release>.sql} per release in one directory
 * ({@code db/queries} beside {@code db/migrations} by default).
 */
public record QueryManifests(Optional<Path> directory, List<QueryManifest> manifests) {

    /** The directory name used beside the migrations' location when none is given. */
    public static final String DEFAULT_DIRECTORY = "queries";

    public QueryManifests {
        manifests = manifests.stream().sorted(Comparator.comparing(QueryManifest::release)).toList();
    }

    public static QueryManifests none() {
        return new QueryManifests(Optional.empty(), List.of());
    }

    /** {@code db/queries} for migrations in {@code db/migrations}: the sibling directory {@code queries}. */
    public static Path defaultDirectory(Path migrations) {
        Path abs = migrations.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs.resolve(DEFAULT_DIRECTORY) : abs.resolveSibling(DEFAULT_DIRECTORY);
    }

    /**
     * Reads every manifest in {@code dir}. A missing directory has no manifests when {@code required}
     * is false (the default location), and is an error when true (a location the user gave). Files
     * not named {@code <release>.sql} are errors naming the file; {@code .md} and {@code .txt} notes are
     * ignored.
     */
    public static QueryManifests load(Path dir, boolean required, SqlSyntax syntax) {
        if (!Files.isDirectory(dir)) {
            if (required) {
                throw new ConfigurationException("query manifests: " + Paths.display(dir) + " is not a directory; "
                        + "create it with one <release>.sql per release (e.g. " + Paths.display(dir.resolve("1.2.sql"))
                        + "), or leave out --queries");
            }
            return none();
        }
        List<QueryManifest> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (Files.isDirectory(f) || name.startsWith(".") || name.endsWith(".md") || name.endsWith(".txt")) {
                    continue;
                }
                if (!name.endsWith(".sql")) {
                    throw new ConfigurationException(Paths.display(f) + ": not a query manifest; name manifests "
                            + "<release>.sql (e.g. 1.2.sql) or move the file out of " + Paths.display(dir));
                }
                String release = name.substring(0, name.length() - 4);
                Optional<Release> r = Release.parse(release);
                if (r.isEmpty()) {
                    throw new ConfigurationException(Paths.display(f) + ": '" + release + "' is not a release "
                            + "version; name manifests after the release that sends them, e.g. 1.2.sql");
                }
                out.add(ManifestFormat.read(f, r.get(), syntax));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + Paths.display(dir), e);
        }
        return new QueryManifests(Optional.of(dir), out);
    }

    public boolean isEmpty() {
        return manifests.isEmpty();
    }

    public Optional<QueryManifest> of(Release release) {
        return manifests.stream().filter(m -> m.release().equals(release)).findFirst();
    }

    public int statements() {
        return manifests.stream().mapToInt(m -> m.entries().size()).sum();
    }
}
