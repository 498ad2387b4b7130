package dev.bellows.cli;

import dev.bellows.ConfigurationException;
import dev.bellows.lint.FlatLoader;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.MigrationSet;
import dev.bellows.sql.SqlSyntax;

import java.nio.file.Path;
import java.util.Locale;

/** {@code --layout bellows|flat} of lint and verify. */
final class Layouts {

    private Layouts() {
    }

    /** Whether {@code --layout} asks for a flat folder; null or bellows is the release/phase layout. */
    static boolean flat(String layout) {
        if (layout == null) {
            return false;
        }
        return switch (layout.toLowerCase(Locale.ROOT)) {
            case "bellows" -> false;
            case "flat" -> true;
            default -> throw new ConfigurationException("--layout " + layout + ": use --layout bellows (RELEASE/PHASE/"
                    + "NNN_name.sql, the default) or --layout flat (one folder of numbered .sql files); for a Flyway "
                    + "folder use --flyway DIR or bellows import flyway DIR");
        };
    }

    static MigrationSet load(Path dir, boolean flat, SqlSyntax syntax) {
        return flat ? FlatLoader.load(dir, syntax) : MigrationLoader.load(dir, syntax);
    }
}
