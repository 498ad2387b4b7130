package dev.bellows.maven;

import dev.bellows.model.Release;
import dev.bellows.run.Command;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.HashMap;
import java.util.Map;

/** expand, migrate, contract and upgrade: apply phases up to a release. */
abstract class AbstractApplyMojo extends AbstractBellowsMojo {

    /** Apply up to this release (default: the newest). */
    @Parameter(property = "bellows.to")
    String to;

    /**
     * Longest a statement may wait for a lock before it is retried, in milliseconds (default 500); when not set,
     * {@code BELLOWS_LOCK_TIMEOUT}, then {@code lock-timeout} of bellows.yaml. So for every parameter below.
     */
    @Parameter(property = "bellows.lockTimeout")
    String lockTimeout;

    /** Tries of a statement that hit the lock timeout (default 10). */
    @Parameter(property = "bellows.lockRetries")
    String lockRetries;

    /** How long to wait for another migrator to finish, in seconds (default 60). */
    @Parameter(property = "bellows.lockWait")
    String lockWait;

    /** Most batches per migrate file in one run; a rerun continues (default 1000000). */
    @Parameter(property = "bellows.maxBatches")
    String maxBatches;

    /** Migrate phase: the batch duration the batch size adapts toward, in milliseconds (default 200). */
    @Parameter(property = "bellows.batchTarget")
    String batchTarget;

    /** Migrate phase: the first batch size, rows or key span of keyed batches (default 1000). */
    @Parameter(property = "bellows.batchSize")
    String batchSize;

    /** Migrate phase: the smallest batch size (default 10). */
    @Parameter(property = "bellows.batchMin")
    String batchMin;

    /** Migrate phase: the largest batch size (default 100000). */
    @Parameter(property = "bellows.batchMax")
    String batchMax;

    /** Migrate phase: the pause between batches, in milliseconds (default 0). */
    @Parameter(property = "bellows.batchPause")
    String batchPause;

    /**
     * Migrate phase: while more than this many other sessions run a statement, pause after each batch as long as it
     * took (default 0, off).
     */
    @Parameter(property = "bellows.maxActiveSessions")
    String maxActiveSessions;

    /**
     * Migrate phase: when a batch's commit takes longer than this, in milliseconds, pause as long as the batch took
     * and halve the batch (default 0, off).
     */
    @Parameter(property = "bellows.maxCommitLatency")
    String maxCommitLatency;

    /** Migrate phase (MySQL/MariaDB): wait while a replica lags more than this, in milliseconds (default 0, off). */
    @Parameter(property = "bellows.maxReplicaLag")
    String maxReplicaLag;

    /**
     * Replicas to watch with {@code maxReplicaLag}, comma-separated JDBC URLs (the primary's user and password);
     * default: the replicas the primary reports ({@code SHOW SLAVE HOSTS}).
     */
    @Parameter(property = "bellows.replicaUrl")
    String replicaUrl;

    abstract Command command();

    @Override
    Map<String, String> settingParameters() {
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
    void run() {
        bellows().run(command(), release(to));
    }

    static Release release(String name) {
        return blankToNull(name) == null ? null : Release.of(name.trim());
    }
}
