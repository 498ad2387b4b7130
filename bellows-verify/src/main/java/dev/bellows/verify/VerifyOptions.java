package dev.bellows.verify;

import dev.bellows.db.Dialect;
import dev.bellows.queries.QueryManifests;

import java.util.List;

/**
 * How to verify.
 *
 * @param dialect       the migrations' database
 * @param shadow        where the shadow database comes from
 * @param seeds         extra SQL files run after given releases
 * @param syntheticRows when positive, every table is filled up to this many generated rows after each
 *                      release (before the next one's expand), so rewrites and scans have data
 * @param queries       the releases' query manifests, proved against every schema of the rolling upgrade
 */
public record VerifyOptions(Dialect dialect, ShadowSpec shadow, List<Seed> seeds, int syntheticRows,
                            QueryManifests queries) {

    public VerifyOptions(Dialect dialect, ShadowSpec shadow, List<Seed> seeds, int syntheticRows) {
        this(dialect, shadow, seeds, syntheticRows, QueryManifests.none());
    }

    public VerifyOptions {
        seeds = List.copyOf(seeds);
        queries = queries == null ? QueryManifests.none() : queries;
        if (syntheticRows < 0) {
            throw new dev.bellows.ConfigurationException("--rows must be 0 or more, not " + syntheticRows);
        }
    }

    public static VerifyOptions defaults(Dialect dialect) {
        return new VerifyOptions(dialect, ShadowSpec.embedded(), List.of(), 0);
    }

    public VerifyOptions withShadow(ShadowSpec spec) {
        return new VerifyOptions(dialect, spec, seeds, syntheticRows, queries);
    }

    public VerifyOptions withSeeds(List<Seed> s) {
        return new VerifyOptions(dialect, shadow, s, syntheticRows, queries);
    }

    public VerifyOptions withRows(int rows) {
        return new VerifyOptions(dialect, shadow, seeds, rows, queries);
    }

    /** Proves these query manifests too (none: no statement is prepared). */
    public VerifyOptions withQueries(QueryManifests q) {
        return new VerifyOptions(dialect, shadow, seeds, syntheticRows, q);
    }
}
