package dev.bellows.cli;

import dev.bellows.run.StatusReport;
import picocli.CommandLine.Option;

@picocli.CommandLine.Command(name = "check", mixinStandardHelpOptions = true,
        description = {"For deploy pipelines: exit 0 when nothing is pending or blocking; otherwise exit 1 and "
                + "name the next command and what blocks it."},
        footer = {"", "Example:", "  bellows check --format json || echo \"run: $(bellows check --format json | jq -r .next)\""})
final class CheckCommand extends DatabaseCommand {

    @picocli.CommandLine.Mixin
    QueriesOption queries = new QueriesOption();

    @Override
    QueriesOption queries() {
        return queries;
    }

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    String format = "text";

    @Override
    public Integer call() throws Exception {
        StatusReport report = bellows().status();
        switch (format) {
            case "json" -> out().println(StatusCommand.json(report));
            case "text" -> {
                // on a terminal: up to date in green, the command still to run in yellow
                dev.bellows.report.Palette palette = BellowsCli.palette(parent);
                out().println(report.upToDate() ? palette.good("up to date")
                        : "next: " + palette.severity(dev.bellows.model.Severity.WARNING,
                        "bellows " + report.next().orElseThrow()) + "\nwhy: " + report.reason());
            }
            default -> throw new dev.bellows.ConfigurationException("unknown --format '" + format
                    + "': use text or json");
        }
        return report.upToDate() ? 0 : 1;
    }
}
