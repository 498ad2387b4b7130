package dev.bellows;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.run.RunOptions;

import java.nio.file.Path;

/**
 * Everything a command needs, resolved once from CLI flags, Maven parameters or an annotation.
 *
 * @param location   the directory with the release directories
 * @param connection the target database
 * @param options    how the runner behaves
 */
public record BellowsConfig(Path location, ConnectionSettings connection, RunOptions options) {

    public static final Path DEFAULT_LOCATION = Path.of("db", "migrations");
}
