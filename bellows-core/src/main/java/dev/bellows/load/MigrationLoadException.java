package dev.bellows.load;

import dev.bellows.ConfigurationException;

import java.nio.file.Path;

/** A migration file or directory that cannot be loaded; names the path and what to do. Exit code 2. */
public class MigrationLoadException extends ConfigurationException {

    private final Path path;

    public MigrationLoadException(Path path, String problem) {
        super(Paths.display(path) + ": " + problem);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
