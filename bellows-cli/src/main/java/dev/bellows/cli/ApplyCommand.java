package dev.bellows.cli;

import dev.bellows.model.Release;
import dev.bellows.run.Command;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** expand, migrate, contract and upgrade: apply phases up to a release. */
abstract class ApplyCommand extends DatabaseCommand {

    @Option(names = "--to", paramLabel = "RELEASE", description = "Apply up to this release (default: the newest).")
    String to;

    @Option(names = "--lock-timeout", paramLabel = "MS",
            description = "Longest a statement may wait for a lock before it is retried (default: 500).")
    String lockTimeout;

    @Option(names = "--lock-retries", paramLabel = "N",
            description = "Tries of a statement that hit the lock timeout (default: 10).")
    String lockRetries;

    @Option(names = "--lock-wait", paramLabel = "SECONDS",
            description = "How long to wait for another migrator to finish (default: 60).")
    String lockWait;

    @Option(names = "--max-batches", paramLabel = "N",
            description = "Most batches per migrate file in one run; a rerun continues (default: 1000000).")
    String maxBatches;

    abstract Command command();

    @Override
    Map<String, String> extraFlags() {
        Map<String, String> m = new HashMap<>();
        m.put("lock-timeout", lockTimeout);
        m.put("lock-retries", lockRetries);
        m.put("lock-wait", lockWait);
        m.put("max-batches", maxBatches);
        return m;
    }

    @Override
    public Integer call() {
        bellows().run(command(), to == null ? null : Release.of(to));
        return 0;
    }
}
