package dev.bellows.verify;

import dev.bellows.db.Dialect;

import java.util.List;

/**
 * How to verify.
 *
 * @param dialect       the migrations' database
 * @param shadow        where the shadow database comes from
 * @param seeds         extra SQL files run after given releases
 * @param syntheticRows when positive, every table is filled up to this many generated rows after each
 *                      release (before the next one's expand), so rewrites and scans have data
 */
public record VerifyOptions(Dialect dialect, ShadowSpec shadow, List<Seed> seeds, int syntheticRows) {

    public VerifyOptions {
        seeds = List.copyOf(seeds);
        if (syntheticRows < 0) {
            throw new dev.bellows.ConfigurationException("--rows must be 0 or more, not " + syntheticRows);
        }
    }

    public static VerifyOptions defaults(Dialect dialect) {
        return new VerifyOptions(dialect, ShadowSpec.embedded(), List.of(), 0);
    }

    public VerifyOptions withShadow(ShadowSpec spec) {
        return new VerifyOptions(dialect, spec, seeds, syntheticRows);
    }

    public VerifyOptions withSeeds(List<Seed> s) {
        return new VerifyOptions(dialect, shadow, s, syntheticRows);
    }

    public VerifyOptions withRows(int rows) {
        return new VerifyOptions(dialect, shadow, seeds, rows);
    }
}
