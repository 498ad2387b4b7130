package dev.bellows.maven;

import dev.bellows.ConfigurationException;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.Duration;

/** expand, migrate, contract and upgrade: apply phases up to a release. */
abstract class AbstractApplyMojo extends AbstractBellowsMojo {

    /** Apply up to this release (default: the newest). */
    @Parameter(property = "bellows.to")
    String to;

    /** Longest a statement may wait for a lock before it is retried, in milliseconds. */
    @Parameter(property = "bellows.lockTimeout", defaultValue = "500")
    long lockTimeout;

    /** Tries of a statement that hit the lock timeout. */
    @Parameter(property = "bellows.lockRetries", defaultValue = "10")
    int lockRetries;

    /** How long to wait for another migrator to finish, in seconds. */
    @Parameter(property = "bellows.lockWait", defaultValue = "60")
    long lockWait;

    /** Most batches per migrate file in one run; a rerun continues. */
    @Parameter(property = "bellows.maxBatches", defaultValue = "1000000")
    long maxBatches;

    abstract Command command();

    @Override
    RunOptions runOptions() {
        if (lockWait < 0) {
            throw new ConfigurationException("lockWait must be 0 or more seconds, was " + lockWait);
        }
        RunOptions d = super.runOptions();
        return d.withLockTimeout(millis("lockTimeout", lockTimeout), lockRetries, d.retryBackoff())
                .withLockWait(Duration.ofSeconds(lockWait))
                .withMaxBatches(maxBatches);
    }

    @Override
    void run() {
        bellows().run(command(), release(to));
    }

    static Release release(String name) {
        return blankToNull(name) == null ? null : Release.of(name.trim());
    }
}
