package dev.bellows.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every migration found at a location, ordered by release, phase, then number. */
public record MigrationSet(Path location, List<Migration> migrations) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
    }

    /** The releases that have at least one migration, oldest first. */
    public List<Release> releases() {
        return migrations.stream().map(Migration::release).distinct().sorted().toList();
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
