package dev.bellows.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * A release version such as {@code 1.4} or {@code 2026.2}, ordered version-aware:
 * {@code 1.9 < 1.10 < 2.0}. Missing trailing parts count as zero, so {@code 1.0} equals {@code 1}.
 */
public record Release(String name, long[] parts) implements Comparable<Release> {

    public Release {
        parts = parts.clone();
    }

    /** Parses a release name; empty when it is not dot-separated numbers. */
    public static Optional<Release> parse(String name) {
        if (name == null || name.isEmpty() || name.length() > 64) {
            return Optional.empty();
        }
        String[] pieces = name.split("\\.", -1);
        long[] parts = new long[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            String p = pieces[i];
            if (p.isEmpty() || p.length() > 18) {
                return Optional.empty();
            }
            for (int j = 0; j < p.length(); j++) {
                if (p.charAt(j) < '0' || p.charAt(j) > '9') {
                    return Optional.empty();
                }
            }
            parts[i] = Long.parseLong(p);
        }
        return Optional.of(new Release(name, parts));
    }

    /** Parses a release name given by a user, failing with a message that names it. */
    public static Release of(String name) {
        return parse(name).orElseThrow(() -> new dev.bellows.ConfigurationException(
                "'" + name + "' is not a release version: use numbers separated by dots, e.g. 1.4 or 2026.2"));
    }

    @Override
    public int compareTo(Release o) {
        int n = Math.max(parts.length, o.parts.length);
        for (int i = 0; i < n; i++) {
            long a = i < parts.length ? parts[i] : 0;
            long b = i < o.parts.length ? o.parts[i] : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Release r && compareTo(r) == 0;
    }

    @Override
    public int hashCode() {
        int n = parts.length;
        while (n > 0 && parts[n - 1] == 0) {
            n--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, n));
    }

    @Override
    public String toString() {
        return name;
    }
}
