package dev.bellows.cli;

import dev.bellows.ConfigurationException;
import dev.bellows.run.Command;
import picocli.CommandLine.Option;

@picocli.CommandLine.Command(name = "contract", mixinStandardHelpOptions = true,
        description = {"Applies the contract phase (destructive clean-up) of every release up to --to. Refused "
                + "until expand and migrate of that release are complete and no live instance runs an older "
                + "release."},
        footer = {"", "Example:", "  bellows contract --to 1.1"})
final class ContractCommand extends ApplyCommand {

    @Option(names = "--force", description = "Contract even though live instances of older releases would break. "
            + "Needs --confirm; recorded in history with who forced it.")
    boolean force;

    @Option(names = "--confirm", description = "Confirms --force.")
    boolean confirm;

    @Override
    Command command() {
        return Command.CONTRACT;
    }

    @Override
    boolean force() {
        if (force && !confirm) {
            throw new ConfigurationException("--force breaks running instances of older releases; add --confirm "
                    + "to say you mean it");
        }
        return force;
    }
}
