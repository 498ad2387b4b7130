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

    @Option(names = "--batch-target", paramLabel = "MS",
            description = "Migrate phase: batch duration the batch size adapts toward (default: 200).")
    String batchTarget;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Migrate phase: first batch size, rows or key span of keyed batches (default: 1000).")
    String batchSize;

    @Option(names = "--batch-min", paramLabel = "N", description = "Migrate phase: smallest batch size (default: 10).")
    String batchMin;

    @Option(names = "--batch-max", paramLabel = "N",
            description = "Migrate phase: largest batch size (default: 100000).")
    String batchMax;

    @Option(names = "--batch-pause", paramLabel = "MS",
            description = "Migrate phase: pause between batches (default: 0).")
    String batchPause;

    @Option(names = "--max-active-sessions", paramLabel = "N",
            description = "Migrate phase: while more than N other sessions run a statement, pause after each batch "
                    + "as long as it took (default: 0, off).")
    String maxActiveSessions;

    @Option(names = "--max-commit-latency", paramLabel = "MS",
            description = "Migrate phase: when a batch's commit takes longer than MS milliseconds (the server's log "
                    + "is busy), halve the batch and pause as long as it took (default: 0, off).")
    String maxCommitLatency;

    @Option(names = "--max-replica-lag", paramLabel = "MS",
            description = "Migrate phase (MySQL/MariaDB): wait while a replica lags more than MS milliseconds "
                    + "(default: 0, off).")
    String maxReplicaLag;

    @Option(names = "--replica-url", paramLabel = "URL",
            description = "Replicas to watch with --max-replica-lag, comma-separated JDBC URLs (the primary's user "
                    + "and password); default: the replicas the primary reports (SHOW SLAVE HOSTS).")
    String replicaUrl;

    abstract Command command();

    @Override
    Map<String, String> extraFlags() {
        Map<String, String> m = new HashMap<>();
        m.put("lock-timeout", lockTimeout);
        m.put("lock-retries", lockRetries);
        m.put("lock-wait", lockWait);
        m.put("max-batches", maxBatches);
        m.put("batch-target", batchTarget);
        m.put("batch-size", batchSize);
        m.put("batch-min", batchMin);
        m.put("batch-max", batchMax);
        m.put("batch-pause", batchPause);
        m.put("max-active-sessions", maxActiveSessions);
        m.put("max-commit-latency", maxCommitLatency);
        m.put("max-replica-lag", maxReplicaLag);
        m.put("replica-url", replicaUrl);
        return m;
    }

    @Override
    public Integer call() {
        bellows().run(command(), to == null ? null : Release.of(to));
        return 0;
    }
}
