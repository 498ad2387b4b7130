package dev.bellows.report;

import dev.bellows.ConfigurationException;

import java.util.Locale;

/** The reporters by format name: {@code text}, {@code json}, {@code sarif}. */
public final class Reporters {

    private Reporters() {
    }

    public static Reporter named(String format) {
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextReporter();
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter();
            default -> throw new ConfigurationException("unknown format '" + format
                    + "': use --format text, json or sarif");
        };
    }
}
