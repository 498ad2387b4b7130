package dev.bellows.cli;

import dev.bellows.BellowsConfig;
import dev.bellows.ConfigurationException;
import dev.bellows.data.BatchListener;
import dev.bellows.data.BatchOptions;
import dev.bellows.data.TerminalProgress;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@picocli.CommandLine.Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Applies the migrate phase (online data changes in bounded batches) of every release up to "
                + "--to. A batch statement is repeated until it changes no rows; a keyed statement (with :from and "
                + ":to) walks its key column range by range; a Java DataMigration is called until it returns 0. "
                + "Each batch commits with its checkpoint, so a rerun continues where a stopped or killed run "
                + "left off. The batch size adapts toward --batch-target; the engine backs off while other "
                + "sessions wait on a batch's locks, yields while more than --max-active-sessions run statements "
                + "or while its commits take longer than --max-commit-latency, and waits while a replica lags "
                + "more than --max-replica-lag.",
                "Progress: a bar with rate and ETA on a terminal, plain lines otherwise, JSON lines with "
                        + "--format json (then other messages go to standard error)."},
        footer = {"", "Examples:", "  bellows migrate --to 1.2 --batch-target 100 --batch-pause 50 --format json",
                "  bellows migrate --max-active-sessions 16 --max-commit-latency 50 --max-replica-lag 1000 "
                        + "--replica-url jdbc:mariadb://replica1:3306/app"})
final class MigrateCommand extends ApplyCommand {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Progress output: text (bar on a terminal, lines otherwise) or json (one event per line).")
    String format;

    @Override
    Command command() {
        return Command.MIGRATE;
    }

    @Override
    BellowsConfig config() {
        BellowsConfig base = super.config();
        RunOptions options = base.options();
        BatchOptions batching = options.batching();
        switch (format) {
            case "json" -> {
                PrintWriter out = out();
                PrintWriter err = spec.commandLine().getErr();
                batching = batching.withListener(json(out));
                options = options.withProgress(line -> {
                    err.println(line);
                    err.flush();
                });
            }
            case "text" -> {
                if (System.console() != null && spec.commandLine().getOut() != null && parent != null
                        && parent.environment.get("TERM") != null && !"dumb".equals(parent.environment.get("TERM"))) {
                    batching = batching.withListener(new TerminalProgress(out()));
                }
            }
            default -> throw new ConfigurationException("--format must be text or json, was '" + format + "'");
        }
        return new BellowsConfig(base.location(), base.connection(), options.withBatching(batching));
    }

    private static BatchListener json(PrintWriter out) {
        JsonProgress json = new JsonProgress(line -> {
            out.println(line);
            out.flush();
        });
        return json;
    }
}
