package dev.bellows.cli;

import dev.bellows.run.Command;

@picocli.CommandLine.Command(name = "expand", mixinStandardHelpOptions = true,
        description = {"Applies the expand phase (additive, backward-compatible changes) of every release up to "
                + "--to. Run it before the new release rolls out."},
        footer = {"", "Example:", "  bellows expand --to 1.2 --url jdbc:postgresql://localhost/app --user app"})
final class ExpandCommand extends ApplyCommand {

    @Override
    Command command() {
        return Command.EXPAND;
    }
}
