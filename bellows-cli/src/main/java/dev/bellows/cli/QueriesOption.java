package dev.bellows.cli;

import dev.bellows.queries.QueryManifests;
import dev.bellows.sql.SqlSyntax;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --queries DIR}: where the query manifests are (default: {@code queries} beside the migrations). */
final class QueriesOption {

    @Option(names = "--queries", paramLabel = "DIR",
            description = "Directory of query manifests, one <release>.sql per release (default: queries beside the "
                    + "migrations' location, e.g. db/queries; used when it exists).")
    Path queries;

    QueryManifests load(Path migrations, SqlSyntax syntax) {
        return queries != null ? QueryManifests.load(queries, true, syntax)
                : QueryManifests.load(QueryManifests.defaultDirectory(migrations), false, syntax);
    }
}
