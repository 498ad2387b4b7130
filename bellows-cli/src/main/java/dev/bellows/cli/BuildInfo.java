package dev.bellows.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Version, commit and build date, written into {@code build-info.properties} by the build (resource
 * filtering). A run from an IDE's unfiltered resources, or a build outside a git checkout, says so.
 *
 * @param version the Maven project version, e.g. {@code 0.2.0}
 * @param commit  the abbreviated git commit, or {@code unknown}
 * @param date    the build time (UTC, ISO-8601)
 */
record BuildInfo(String version, String commit, String date) {

    static final String RESOURCE = "/dev/bellows/cli/build-info.properties";

    static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(value(p, "version", "development build"), value(p, "commit", "unknown"),
                value(p, "date", "unknown"));
    }

    /** A property, or {@code fallback} when missing or left unfiltered ({@code ${…}}). */
    private static String value(Properties p, String key, String fallback) {
        String v = p.getProperty(key, "").trim();
        return v.isEmpty() || v.contains("${") ? fallback : v;
    }
}
