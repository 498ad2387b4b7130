package dev.bellows.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every migration found at a location, ordered by release, phase, then number.
 *
 * @param declared releases that exist as directories even without any migration (a release without
 *                 schema changes: {@code 1.3/expand/} holding only a {@code .gitkeep})
 */
public record MigrationSet(Path location, List<Migration> migrations, List<Release> declared) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
        declared = List.copyOf(declared);
    }

    public MigrationSet(Path location, List<Migration> migrations) {
        this(location, migrations, List.of());
    }

    /** The releases that have at least one migration or a directory, oldest first. */
    public List<Release> releases() {
        return java.util.stream.Stream.concat(migrations.stream().map(Migration::release), declared.stream())
                .distinct().sorted().toList();
    }

    /** Fails with exit code 2 when {@code release} (e.g. a --to) is not a release at this location. */
    public Release requireKnown(Release release, String option) {
        if (release != null && !releases().contains(release)) {
            throw new dev.bellows.ConfigurationException(option + " " + release + ": there is no release " + release
                    + " in " + location + " (releases: " + releases().stream().map(Release::name)
                    .collect(java.util.stream.Collectors.joining(", ")) + "). A release without schema changes "
                    + "needs its directory with an empty phase directory, e.g. " + release + "/expand/.gitkeep");
        }
        return release;
    }

    public Optional<Release> newest() {
        List<Release> all = releases();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public List<Migration> of(Release release, Phase phase) {
        return migrations.stream().filter(m -> m.release().equals(release) && m.phase() == phase).toList();
    }

    public List<Migration> of(Release release) {
        return migrations.stream().filter(m -> m.release().equals(release)).toList();
    }
}
