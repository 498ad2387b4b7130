package dev.bellows.cli;

import dev.bellows.run.Command;
import picocli.CommandLine.Option;

@picocli.CommandLine.Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"expand, then migrate, release by release: everything that is safe before and during a "
                + "rollout. Expand N and migrate N run before expand N+1; a release whose expand needs an earlier "
                + "contract is refused, naming the contract to run.",
                "With --all-phases: expand, migrate and contract of every release up to --to, release by release, "
                        + "for a database that no older release of the application uses (a new development, test or "
                        + "CI database); refused while live instances of older releases are registered."},
        footer = {"", "Examples:", "  BELLOWS_URL=jdbc:postgresql://localhost/app bellows upgrade --to 1.2",
                "  bellows upgrade --all-phases --url jdbc:postgresql://localhost/app_test --user app"})
final class UpgradeCommand extends ApplyCommand {

    @picocli.CommandLine.Mixin
    QueriesOption queries = new QueriesOption();

    @Override
    QueriesOption queries() {
        return queries;
    }

    @Option(names = "--all-phases",
            description = "Also run contract: every phase of every release up to --to, release by release (for "
                    + "fresh databases; refused while live instances of older releases exist).")
    boolean allPhases;

    @Override
    Command command() {
        return allPhases ? Command.ALL : Command.UPGRADE;
    }
}
