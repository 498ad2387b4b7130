package dev.bellows.instances;

import dev.bellows.ConfigurationException;
import dev.bellows.model.Release;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What an instance writes into {@code bellows_instances} when it registers: who it is and which
 * release it runs. Immutable; the {@code with…} methods return changed copies.
 *
 * @param pid      the process id to report, or null when unknown
 * @param metadata free text (e.g. JSON with a version hash or pod name), or null
 */
public record Registration(String id, Release release, String host, Long pid, Duration ttl, String metadata) {

    /** Longest id the table holds. */
    public static final int MAX_ID_LENGTH = 128;
    static final int MAX_HOST_LENGTH = 255;
    /** Default time after the last heartbeat that an instance counts as gone. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

    public Registration {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new ConfigurationException("instance id '" + id + "' is not usable: give 1 to "
                    + MAX_ID_LENGTH + " characters, e.g. the pod or container name");
        }
        requirePrintable("instance id", id, id);
        requirePrintable("host", id, host);
        requirePrintable("metadata", id, metadata);
        if (release == null) {
            throw new ConfigurationException("instance " + id + " has no release: give the release it runs, e.g. 1.4");
        }
        if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.toSeconds() > Integer.MAX_VALUE) {
            throw new ConfigurationException("TTL " + (ttl == null ? "(none)" : Ages.format(ttl)) + " of instance "
                    + id + " is not usable: give at least 1 second (default 30 s)");
        }
        host = host == null || host.isBlank() ? "unknown" : host;
        host = host.length() > MAX_HOST_LENGTH ? host.substring(0, MAX_HOST_LENGTH) : host;
    }

    /**
     * Refuses control characters (newlines, tabs, escapes, NUL): printed by {@code bellows instances}, they
     * would forge rows or lines of its output.
     */
    private static void requirePrintable(String what, String id, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ConfigurationException(what + (what.equals("instance id") ? "" : " of instance " + id)
                        + " contains a control character (U+" + String.format("%04X", (int) value.charAt(i))
                        + " at position " + (i + 1) + "); give printable text only, e.g. the pod or container name");
            }
        }
    }

    /** This process on this host, with a generated id ({@code HOST-PID-XXXX}) and the default TTL. */
    public static Registration of(Release release) {
        return of(release, localHost(), ProcessHandle.current().pid());
    }

    /** A process on a host, with a generated id ({@code HOST-PID-XXXX}, or {@code HOST-XXXX} without a pid). */
    public static Registration of(Release release, String host, Long pid) {
        String h = host == null || host.isBlank() ? "unknown" : host;
        return new Registration(generatedId(h, pid), release, h, pid, DEFAULT_TTL, null);
    }

    /** The name of this host, or {@code $HOSTNAME}, or {@code unknown}. */
    public static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown" : env;
        }
    }

    public Registration withId(String newId) {
        return new Registration(newId, release, host, pid, ttl, metadata);
    }

    public Registration withHost(String newHost) {
        return new Registration(id, release, newHost, pid, ttl, metadata);
    }

    public Registration withPid(Long newPid) {
        return new Registration(id, release, host, newPid, ttl, metadata);
    }

    public Registration withTtl(Duration newTtl) {
        return new Registration(id, release, host, pid, newTtl, metadata);
    }

    public Registration withMetadata(String newMetadata) {
        return new Registration(id, release, host, pid, ttl, newMetadata);
    }

    /** The TTL in whole seconds, as stored (rounded up). */
    public int ttlSeconds() {
        long s = ttl.toSeconds() + (ttl.toNanosPart() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, s);
    }

    static String generatedId(String host, Long pid) {
        String h = host.length() > 100 ? host.substring(0, 100) : host;
        return h + (pid == null ? "" : "-" + pid) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
