package dev.bellows.report;

import dev.bellows.ConfigurationException;

import java.util.Locale;

/** The reporters by format name: {@code text}, {@code json}, {@code sarif}, {@code github}. */
public final class Reporters {

    private Reporters() {
    }

    public static Reporter named(String format) {
        return named(format, Palette.PLAIN);
    }

    /** As {@link #named(String)}, with text output marked by {@code palette} (other formats ignore it). */
    public static Reporter named(String format, Palette palette) {
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextReporter(palette);
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter();
            case "github" -> new GithubReporter();
            default -> throw new ConfigurationException("unknown format '" + format
                    + "': use --format text, json, sarif or github");
        };
    }
}
