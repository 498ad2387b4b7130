package dev.bellows.instances;

import dev.bellows.model.Release;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code bellows_instances} as read back, judged by the database clock: {@code live} when
 * its last heartbeat is younger than its TTL, {@code sinceHeartbeat} measured against the database's
 * current time at the moment of the query.
 *
 * @param pid      the process id the instance reported, or null when unknown
 * @param metadata free text the instance registered with (often JSON), or null
 */
public record Instance(String id, String release, String host, Long pid, Instant startedAt, Instant heartbeatAt,
                       Duration ttl, String metadata, Duration sinceHeartbeat, boolean live) {

    /** The release as a version, or empty when the row holds something that is not a release name. */
    public Optional<Release> version() {
        return Release.parse(release);
    }

    /**
     * Whether this instance runs a release older than {@code target}. A release name that is not a
     * version counts as older: an instance Bellows cannot place must not be silently ignored.
     */
    public boolean runsOlderThan(Release target) {
        return version().map(v -> v.compareTo(target) < 0).orElse(true);
    }

    /** One line for people: id, host, pid, release and the age of the last heartbeat. */
    public String describe() {
        String where = "host " + host + (pid == null ? "" : ", pid " + pid);
        String rel = version().isPresent() ? "release " + release : "unrecognised release '" + release + "'";
        String expired = live ? "" : ", expired after " + ttl.toSeconds() + " s";
        return "instance " + id + " (" + where + ") runs " + rel + ", last heartbeat " + heartbeatAt
                + " (" + Ages.format(sinceHeartbeat) + " ago" + expired + ")";
    }
}
