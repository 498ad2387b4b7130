package dev.bellows.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run of the launcher's class-data sharing archive: the commands people run most, in one
 * JVM, output discarded, no database touched. {@code Training APP_HOME}; lints APP_HOME's bundled example.
 */
public final class Training {

    private Training() {
    }

    public static void main(String[] args) {
        Path example = Path.of(args.length > 0 ? args[0] : ".", "examples", "bookshop", "db", "migrations");
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        String[][] commands = {
                {"--help"}, {"--version"}, {"lint", "--help"}, {"verify", "--help"}, {"lint", "--list-rules"},
                {"explain", "expand-drop-column"}, {"plan", "--help"}, {"upgrade", "--help"},
        };
        for (String[] command : commands) {
            BellowsCli.run(command, nowhere, nowhere, Map.of());
        }
        if (Files.isDirectory(example)) {
            for (String format : new String[]{"text", "json", "sarif", "github"}) {
                BellowsCli.run(new String[]{"lint", "--format", format, example.toString()}, nowhere, nowhere, Map.of());
            }
        }
        Terminal.stdoutIsTerminal();
        // a loose file, as in `bellows lint changes.sql`
        try {
            Path loose = Files.createTempFile("bellows-training", ".sql");
            try {
                Files.writeString(loose, "CREATE INDEX books_isbn ON books (isbn);\n");
                BellowsCli.run(new String[]{"lint", loose.toString()}, nowhere, nowhere, Map.of());
            } finally {
                Files.deleteIfExists(loose);
            }
        } catch (IOException e) {
            // no temporary folder: the archive is made without this path
        }
    }
}
