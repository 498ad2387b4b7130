package dev.bellows.cli;

import java.util.List;

@picocli.CommandLine.Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Accepts the new checksum of applied files that were edited on purpose, and forgets history "
                + "rows whose files were deleted. Prints every change."},
        footer = {"", "Example:", "  bellows repair --location db/migrations"})
final class RepairCommand extends DatabaseCommand {

    @Override
    public Integer call() {
        List<String> changes = bellows().repair();
        if (changes.isEmpty()) {
            out().println("nothing to repair: history matches the files");
        }
        changes.forEach(out()::println);
        return 0;
    }
}
