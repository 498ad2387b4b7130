package dev.bellows.data;

import dev.bellows.ConfigurationException;

import java.time.Duration;
import java.util.List;

/**
 * Which replicas a batched migration keeps from falling behind, and how far they may lag
 * ({@code --max-replica-lag}, as gh-ost's {@code --max-lag-millis} and pt-online-schema-change's
 * {@code --max-lag}): after each batch the engine reads every replica's lag and waits while one is
 * above {@code maxLag}.
 *
 * @param maxLag   the largest lag let through; zero turns the watch off
 * @param urls     JDBC URLs of the replicas; empty: the replicas the primary reports ({@code SHOW SLAVE HOSTS})
 * @param user     user for the replicas (normally the primary's)
 * @param password its password; never printed
 */
public record ReplicaWatch(Duration maxLag, List<String> urls, String user, String password) {

    public static final ReplicaWatch NONE = new ReplicaWatch(Duration.ZERO, List.of(), null, null);

    public ReplicaWatch {
        if (maxLag.isNegative()) {
            throw new ConfigurationException("--max-replica-lag must be >= 0 ms (0: off), was " + maxLag.toMillis());
        }
        urls = List.copyOf(urls);
    }

    public boolean on() {
        return !maxLag.isZero();
    }

    @Override
    public String toString() {
        return "ReplicaWatch[maxLag=" + maxLag + ", urls=" + urls + ", user=" + user + ", password="
                + (password == null ? "null" : "***") + "]";
    }
}
