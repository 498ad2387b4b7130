package dev.bellows.cli;

import dev.bellows.config.Settings;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Release;
import dev.bellows.queries.ManifestContractGuard;
import dev.bellows.queries.QueryManifests;
import dev.bellows.run.ContractGuard;
import dev.bellows.sql.SqlSyntax;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/** {@code --queries DIR}: where the query manifests are (default: {@code queries} beside the migrations). */
final class QueriesOption {

    @Option(names = "--queries", paramLabel = "DIR",
            description = "Directory of query manifests, one <release>.sql per release (default: queries beside the "
                    + "migrations' location, e.g. db/queries; used when it exists).")
    Path queries;

    /**
     * Release N's query manifest blocks contract(N) while it uses what contract(N) drops: the gate of
     * {@code contract}, of {@code upgrade} when it reaches a contract, and the "contract safe" verdict of
     * {@code status} and {@code check}. The files are read when a contract is judged, never the database.
     */
    ContractGuard contractGuard(Settings settings) {
        return new ManifestGate(settings);
    }

    /** The manifest gate, its files read once, when the first contract step is judged. */
    private final class ManifestGate implements ContractGuard {

        private final Settings settings;
        private ManifestContractGuard loaded;

        ManifestGate(Settings settings) {
            this.settings = settings;
        }

        @Override
        public List<String> blockers(Connection connection, Release target) {
            if (loaded == null) {
                Path location = settings.location();
                SqlSyntax syntax = settings.connection().dialect().syntax();
                loaded = new ManifestContractGuard(MigrationLoader.load(location, syntax), load(location, syntax),
                        syntax);
            }
            return loaded.blockers(connection, target);
        }
    }

    QueryManifests load(Path migrations, SqlSyntax syntax) {
        return queries != null ? QueryManifests.load(queries, true, syntax)
                : QueryManifests.load(QueryManifests.defaultDirectory(migrations), false, syntax);
    }
}
