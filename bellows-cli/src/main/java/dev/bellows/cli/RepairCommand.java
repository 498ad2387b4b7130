package dev.bellows.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

@picocli.CommandLine.Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Accepts the new checksum of applied files that were edited on purpose, and forgets history "
                + "rows whose files were deleted. With --applied, records a file whose history row was deleted by "
                + "hand (while its change is in the database) as applied, without running it. Prints every change."},
        footer = {"", "Examples:", "  bellows repair --location db/migrations",
                "  bellows repair --applied 1.1/expand/001_add_isbn.sql"})
final class RepairCommand extends DatabaseCommand {

    @Option(names = "--applied", paramLabel = "MIGRATION",
            description = "Record this migration (its id as status shows it, e.g. 1.1/expand/001_add_isbn.sql) as "
                    + "applied, without running it: for a file whose history row is missing. Repeatable.")
    List<String> applied = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> changes = bellows().repair(applied);
        if (changes.isEmpty()) {
            out().println("nothing to repair: history matches the files");
        }
        changes.forEach(out()::println);
        return 0;
    }
}
