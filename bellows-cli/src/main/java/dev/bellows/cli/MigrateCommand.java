package dev.bellows.cli;

import dev.bellows.run.Command;

@picocli.CommandLine.Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Applies the migrate phase (online data changes in bounded batches) of every release up to "
                + "--to. Each batch statement is repeated until it changes no rows; a rerun continues where it "
                + "stopped."},
        footer = {"", "Example:", "  bellows migrate --to 1.2 --max-batches 500"})
final class MigrateCommand extends ApplyCommand {

    @Override
    Command command() {
        return Command.MIGRATE;
    }
}
