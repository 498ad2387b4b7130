package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.model.Release;

import java.nio.file.Path;

/** Extra SQL run on the shadow after all phases of {@code release} (test data for scans and rewrites). */
public record Seed(Release release, Path file) {

    /** Parses {@code RELEASE=FILE} as given to {@code --seed}. */
    public static Seed parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new ConfigurationException("--seed '" + spec + "': use RELEASE=FILE, e.g. --seed 1.0=seed.sql "
                    + "(the file runs after all phases of release 1.0)");
        }
        return new Seed(Release.of(spec.substring(0, eq)), Path.of(spec.substring(eq + 1)));
    }
}
