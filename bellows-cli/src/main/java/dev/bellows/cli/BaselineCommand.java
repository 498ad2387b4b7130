package dev.bellows.cli;

import dev.bellows.model.Release;
import picocli.CommandLine.Option;

@picocli.CommandLine.Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Takes over a database that already has a schema (built by hand, Flyway, Liquibase, …): every "
                + "phase of every release up to --release is recorded in bellows_schema_history as applied (who, when, "
                + "host) and is never run. Those releases need not exist in --location. Refused (exit 1) when the "
                + "database already has Bellows history."},
        footer = {"", "Example:", "  bellows baseline --release 1.0 --url jdbc:postgresql://db/app --user app",
                "  bellows status    # shows the baseline; later releases are pending"})
final class BaselineCommand extends DatabaseCommand {

    @Option(names = "--release", required = true, paramLabel = "RELEASE",
            description = "The release the existing schema amounts to (e.g. the last Flyway version, 12 or 1.0).")
    String release;

    @Override
    public Integer call() {
        Release r = Release.of(release);
        bellows().baseline(r);
        return 0;
    }
}
