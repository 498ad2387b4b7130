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

    /**
     * The layout as the runner will run it: Bellows' own files with their {@code ${name}} placeholders replaced
     * (an undefined one is an error naming file, line and name). A flat folder of another tool's files is read
     * as written: Bellows never runs those, and their {@code ${...}} means nothing to Bellows.
     */
    static MigrationSet load(Path dir, boolean flat, SqlSyntax syntax, java.util.Map<String, String> placeholders) {
        MigrationSet set = load(dir, flat, syntax);
        return flat ? set : dev.bellows.load.Placeholders.resolve(set, placeholders, syntax);
    }
}
