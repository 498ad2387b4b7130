package dev.bellows.cli;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.config.Settings;
import dev.bellows.run.ContractGuard;
import dev.bellows.run.RunOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** Base of the commands that read migrations and talk to the target database. */
abstract class DatabaseCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    BellowsCli parent;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Flags of the subclass that are also settings (lock-timeout, …); null values mean not given. */
    Map<String, String> extraFlags() {
        return Map.of();
    }

    boolean force() {
        return false;
    }

    /**
     * The {@code --queries} option of the commands that run or judge contract ({@code contract}, {@code upgrade},
     * {@code status}, {@code check}); null for the others.
     */
    QueriesOption queries() {
        return null;
    }

    /**
     * The contract gate this command adds to the live-instance gate: the query manifests, for the commands that
     * have {@link #queries()}.
     */
    ContractGuard contractGuard(Settings settings) {
        QueriesOption queries = queries();
        return queries == null ? ContractGuard.NONE : queries.contractGuard(settings);
    }

    BellowsConfig config() {
        Map<String, String> flags = new java.util.HashMap<>(extraFlags());
        Settings s = connection.settings(flags, parent.environment);
        RunOptions options = s.runOptions()
                .withContractGuard(contractGuard(s), force())
                .withProgress(line -> {
                    out().println(line);
                    out().flush();
                });
        Map<String, String> placeholders = s.placeholders(connection.placeholders);
        return new BellowsConfig(s.location(), s.connection(), options, s.legacy(placeholders), placeholders);
    }

    Bellows bellows() {
        return new Bellows(config());
    }
}
