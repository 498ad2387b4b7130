package dev.bellows.cli;

import dev.bellows.ConfigurationException;
import dev.bellows.run.Command;
import picocli.CommandLine.Option;

@picocli.CommandLine.Command(name = "contract", mixinStandardHelpOptions = true,
        description = {"Applies the contract phase (destructive clean-up) of every release up to --to. Refused "
                + "until expand and migrate of that release are complete and no live instance runs an older "
                + "release. Also refused while release N's query manifest (db/queries/N.sql) sends a statement that "
                + "uses a column, table or other object contract(N) drops."},
        footer = {"", "Example:", "  bellows contract --to 1.1", "  bellows contract --to 1.1 --queries db/queries"})
final class ContractCommand extends ApplyCommand {

    @Option(names = "--force", description = "Contract even though live instances of older releases (or release N's own queries) would break. "
            + "Needs --confirm; recorded in history with who forced it.")
    boolean force;

    @Option(names = "--confirm", description = "Confirms --force.")
    boolean confirm;

    @picocli.CommandLine.Mixin
    QueriesOption queries = new QueriesOption();

    @Override
    QueriesOption queries() {
        return queries;
    }

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
