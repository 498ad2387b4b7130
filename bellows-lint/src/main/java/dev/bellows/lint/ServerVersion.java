package dev.bellows.lint;

import dev.bellows.ConfigurationException;

/**
 * A database server version such as {@code 12}, {@code 8.0.29} or {@code 10.11}. On the MySQL
 * side, a major version of 10 or more is MariaDB (MySQL went from 8 to 9).
 */
public record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {

    public static ServerVersion parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("mariadb-") || t.startsWith("mysql-")) {
            t = t.substring(t.indexOf('-') + 1);
        }
        String[] p = t.split("\\.");
        try {
            if (p.length == 0 || p.length > 3 || t.isEmpty()) {
                throw new NumberFormatException();
            }
            return new ServerVersion(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0,
                    p.length > 2 ? Integer.parseInt(p[2]) : 0);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("'" + text + "' is not a server version; use e.g. 16, 8.0.29 or 10.11");
        }
    }

    public boolean atLeast(int maj, int min) {
        return compareTo(new ServerVersion(maj, min, 0)) >= 0;
    }

    /** On the MySQL side: whether this is a MariaDB version (10.x, 11.x, …). */
    public boolean isMariaDb() {
        return major >= 10;
    }

    @Override
    public int compareTo(ServerVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch > 0 ? "." + patch : "");
    }
}
