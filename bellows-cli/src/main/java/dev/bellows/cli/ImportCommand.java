package dev.bellows.cli;

import dev.bellows.BellowsConfig;
import dev.bellows.config.Settings;
import dev.bellows.db.Dialect;
import dev.bellows.lint.FlywayImport;
import dev.bellows.load.Paths;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bellows import flyway DIR}: another tool's migrations written as Bellows' layout. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Writes Bellows' release/phase layout from another tool's migration folder."},
        subcommands = ImportCommand.Flyway.class,
        footer = {"", "Example:", "  bellows import flyway src/main/resources/db/migration --to db/migrations"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "flyway", mixinStandardHelpOptions = true,
            description = {"Writes Bellows' layout from a Flyway folder (subfolders included): each "
                    + "V<version>__<desc>.sql becomes release <version>, file 001_<desc>.sql of its expand phase (or "
                    + "of the phase its header names: -- bellows:phase contract); R__ files become the last files of "
                    + "the newest release's expand (Bellows runs them once). Files are copied byte for byte. Callbacks, "
                    + "undo files and Java migrations are not converted: each is listed with what to do instead. "
                    + "Nothing is written when a target file exists, unless --force.",
                    "Exit codes: 0 imported, 1 refused (a target exists), 2 bad folder or usage."},
            footer = {"", "Example:", "  bellows import flyway src/main/resources/db/migration --to db/migrations",
                    "  bellows lint --location db/migrations && bellows verify --location db/migrations"})
    static final class Flyway implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The Flyway folder, e.g. src/main/resources/db/migration.")
        Path source;

        @Option(names = "--to", paramLabel = "DIR",
                description = "Where to write the layout (default: the configured location, db/migrations).")
        Path to;

        @Option(names = "--force", description = "Overwrite target files that exist already.")
        boolean force;

        @Option(names = "--dialect", paramLabel = "DIALECT",
                description = "postgresql (default) or mysql: how the files are split to check them.")
        String dialect;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Settings file (default: ./bellows.yaml when present).")
        Path config;

        @Spec
        CommandSpec spec;

        @CommandLine.ParentCommand
        ImportCommand parent;

        @Override
        public Integer call() {
            Map<String, String> flags = new HashMap<>();
            flags.put("location", to == null ? null : to.toString());
            flags.put("dialect", dialect);
            BellowsCli root = parent == null ? null : parent.spec.parent() == null ? null
                    : (BellowsCli) parent.spec.parent().userObject();
            Settings settings = Settings.resolve(flags, root == null ? Map.of() : root.environment,
                    Optional.ofNullable(config));
            Path target = settings.get("location").map(Path::of).orElse(BellowsConfig.DEFAULT_LOCATION);
            Dialect d = Dialect.named(settings.get("dialect").orElse("postgresql"));
            FlywayImport.Plan plan = FlywayImport.plan(source, target, d.syntax());
            plan.write(force);
            PrintWriter out = spec.commandLine().getOut();
            for (FlywayImport.Converted c : plan.files()) {
                out.println(Paths.display(c.from()) + " -> " + Paths.display(c.to()));
                c.notes().forEach(n -> out.println("    note: " + n));
            }
            if (!plan.notConverted().isEmpty()) {
                out.println();
                out.println("not converted:");
                for (FlywayImport.NotConverted n : plan.notConverted()) {
                    out.println("  " + Paths.display(n.file()) + ": " + n.reason());
                }
            }
            out.println();
            out.println("imported " + plan.files().size() + " file(s) into " + plan.releases() + " release(s) in "
                    + Paths.display(target) + "; " + plan.notConverted().size() + " not converted");
            out.println("next: bellows lint --location " + Paths.display(target) + " and bellows verify --location "
                    + Paths.display(target));
            out.flush();
            return 0;
        }
    }
}
