package dev.bellows.cli;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.DatabaseException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.embedded.EmbeddedPostgresServer;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@picocli.CommandLine.Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole story with no set-up: starts an embedded PostgreSQL, applies the example "
                + "bookshop release by release and phase by phase (expand, migrate, contract), prints the status "
                + "after each step, and stops the database."},
        footer = {"", "Example:", "  ./bellows demo"})
final class DemoCommand implements Callable<Integer> {

    static final String EXAMPLE = "dev/bellows/cli/demo/migrations";

    @Option(names = "--location", description = "Migrations to demonstrate (default: the bundled bookshop example).")
    Path location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path temp = Files.createTempDirectory("bellows-demo-");
        try {
            Path migrations = location != null ? location : extractExample(temp.resolve("migrations"));
            out.println("== Bellows demo: starting an embedded PostgreSQL (nothing to install)");
            out.flush();
            try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start()) {
                String url = pg.createDatabase("bookshop");
                out.println("   PostgreSQL " + pg.serverVersion() + " on port " + pg.port() + ", database bookshop");
                RunOptions options = RunOptions.defaults().withProgress(line -> {
                    out.println("   " + line);
                    out.flush();
                });
                Bellows bellows = new Bellows(new BellowsConfig(migrations,
                        new ConnectionSettings(url, pg.user(), pg.password()), options));
                for (Release release : bellows.migrations().releases()) {
                    for (Command command : List.of(Command.EXPAND, Command.MIGRATE, Command.CONTRACT)) {
                        if (bellows.migrations().of(release, command.phases().get(0)).isEmpty()) {
                            continue;
                        }
                        out.println();
                        out.println("== bellows " + command.id() + " --to " + release + story(command, release));
                        out.flush();
                        bellows.run(command, release);
                        StatusCommand.text(bellows.status(), indent(out));
                    }
                }
                out.println();
                out.println("== Done: every release expanded, migrated and contracted; stopping the database.");
            }
            return 0;
        } finally {
            deleteTree(temp);
        }
    }

    private static String story(Command command, Release release) {
        return switch (command) {
            case EXPAND -> "   (before instances of " + release + " roll out)";
            case MIGRATE -> "   (while old and new instances serve traffic)";
            case CONTRACT -> "   (after every instance runs " + release + ")";
            default -> "";
        };
    }

    private static PrintWriter indent(PrintWriter out) {
        return new PrintWriter(out, true) {
            @Override
            public void println(String x) {
                super.println("   " + x);
            }

            @Override
            public PrintWriter printf(java.util.Locale l, String format, Object... args) {
                super.print("   " + String.format(l, format, args));
                super.flush();
                return this;
            }
        };
    }

    /** Copies the bundled example (inside the jar, or on the class path in a build) to {@code target}. */
    static Path extractExample(Path target) throws IOException, URISyntaxException {
        URL url = DemoCommand.class.getClassLoader().getResource(EXAMPLE);
        if (url == null) {
            throw new DatabaseException("the bundled example migrations are missing from this build; "
                    + "rebuild with ./bellows or pass --location");
        }
        URI uri = url.toURI();
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(fs.getPath(EXAMPLE), target);
            }
        } else {
            copyTree(Path.of(uri), target);
        }
        return target;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
