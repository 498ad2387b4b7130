package dev.bellows.cli;

import dev.bellows.ConfigurationException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.load.Paths;
import dev.bellows.model.Release;
import dev.bellows.queries.ManifestFormat;
import dev.bellows.queries.QueryLog;
import dev.bellows.queries.QueryManifest;
import dev.bellows.queries.QueryManifests;
import dev.bellows.verify.StatementStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bellows queries}: the query manifests; {@code import} fills one from production statistics. */
@Command(name = "queries", mixinStandardHelpOptions = true,
        description = {"Query manifests: the statements each release of the application sends (db/queries/<release>.sql),"
                + " which verify proves against every schema of the rolling upgrade and contract checks before it "
                + "drops anything. Fill them from the application's tests (the JUnit extension's @RecordQueries), "
                + "from production statistics (queries import), or by hand."},
        subcommands = {QueriesCommand.Import.class},
        footer = {"", "Example:", "  bellows queries import --release 1.2 --url jdbc:postgresql://db/app --user app"})
public final class QueriesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    BellowsCli parent;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Writes the manifest of release R from the database's statement statistics, read-only: "
                    + "pg_stat_statements on PostgreSQL (the extension must be installed), "
                    + "performance_schema.events_statements_summary_by_digest on MySQL/MariaDB (performance_schema=ON). "
                    + "Keeps the queries and data changes on the application's tables; constants are placeholders "
                    + "there, parameter types are unknown (the server infers them when verify prepares)."},
            footer = {"", "Examples:",
                    "  bellows queries import --release 1.2 --url jdbc:postgresql://db/app --user app",
                    "  bellows queries import --release 1.2 --merge --queries db/queries --url jdbc:mariadb://db/app"})
    static final class Import implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Mixin
        QueriesOption queries = new QueriesOption();

        @Option(names = "--release", paramLabel = "R", required = true,
                description = "The release running on that database, whose manifest is written.")
        String release;

        @Option(names = "--merge", description = "Keep the entries already in the manifest (e.g. captured by tests) "
                + "and add the imported ones, adding counts of equal statements.")
        boolean merge;

        @Spec
        CommandSpec spec;

        @ParentCommand
        QueriesCommand parent;

        @Override
        public Integer call() {
            Release r = Release.parse(release).orElseThrow(() -> new ConfigurationException("--release " + release
                    + " is not a release version (e.g. 1.2)"));
            Map<String, String> env = parent == null || parent.parent == null ? Map.of() : parent.parent.environment;
            var settings = connection.settings(Map.of(), env);
            ConnectionSettings db = settings.connection();
            Path dir = queries.queries != null ? queries.queries : QueryManifests.defaultDirectory(settings.location());
            StatementStatistics.Imported imported;
            try (Connection c = db.connect()) {
                imported = StatementStatistics.forDialect(db.dialect()).read(c);
            } catch (java.sql.SQLException e) {
                throw new dev.bellows.DatabaseException("cannot close the connection: " + e.getMessage(), e);
            }
            QueryLog log = new QueryLog(r);
            Path file = dir.resolve(r.name() + ".sql");
            int kept = 0;
            if (merge && Files.exists(file)) {
                QueryManifest existing = ManifestFormat.read(file, r, db.dialect().syntax());
                existing.entries().forEach(e -> log.record(e.sql(), e.parameterTypes(), e.count()));
                kept = existing.entries().size();
            }
            imported.statements().forEach(s -> log.record(s.sql(), s.parameterTypes(), s.count()));
            if (log.isEmpty()) {
                throw new ConfigurationException("no statement on the application's tables in the statistics of "
                        + db.safeUrl() + " (" + imported.seen() + " seen): is this the application's database, and has "
                        + "the application run since the statistics were reset?");
            }
            log.write(dir, "imported from the statement statistics of " + db.safeUrl());
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + Paths.display(file) + ": " + imported.statements().size() + " statement"
                    + (imported.statements().size() == 1 ? "" : "s") + " imported" + (merge ? ", " + kept + " kept" : "")
                    + " (of " + imported.seen() + " in the statistics; left out: " + imported.otherTables()
                    + " on other tables, " + imported.notQueries() + " not queries or data changes)");
            out.flush();
            return 0;
        }
    }
}
