package dev.bellows.cli;

import dev.bellows.run.Command;

@picocli.CommandLine.Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"expand, then migrate: everything that is safe before and during a rollout."},
        footer = {"", "Example:", "  BELLOWS_URL=jdbc:postgresql://localhost/app bellows upgrade"})
final class UpgradeCommand extends ApplyCommand {

    @Override
    Command command() {
        return Command.UPGRADE;
    }
}
