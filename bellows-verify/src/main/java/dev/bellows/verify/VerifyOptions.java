package dev.bellows.verify;

import dev.bellows.db.Dialect;
import dev.bellows.model.Release;
import dev.bellows.queries.QueryManifests;

import java.util.List;
import java.util.Optional;

/**
 * How to verify.
 *
 * @param dialect       the migrations' database
 * @param shadow        where the shadow database comes from
 * @param seeds         extra SQL files run after given releases
 * @param syntheticRows when positive, every table is filled up to this many generated rows after each
 *                      release (before the next one's expand), so rewrites and scans have data
 * @param schemaFrom    a live database whose schema is copied into the shadow first; then only the
 *                      releases pending there are verified ({@code verify --schema-from})
 * @param since         releases up to it are not judged ({@code --since}): they only build the shadow's
 *                      schema; with {@code schemaFrom} and no Bellows history there, they are what the
 *                      live schema already amounts to and are not run at all
 * @param queries       the releases' query manifests, proved against every schema of the rolling upgrade
 */
public record VerifyOptions(Dialect dialect, ShadowSpec shadow, List<Seed> seeds, int syntheticRows,
                            Optional<SchemaSource> schemaFrom, Optional<Release> since, QueryManifests queries) {

    public VerifyOptions(Dialect dialect, ShadowSpec shadow, List<Seed> seeds, int syntheticRows) {
        this(dialect, shadow, seeds, syntheticRows, Optional.empty(), Optional.empty(), QueryManifests.none());
    }

    public VerifyOptions(Dialect dialect, ShadowSpec shadow, List<Seed> seeds, int syntheticRows,
                         Optional<SchemaSource> schemaFrom, Optional<Release> since) {
        this(dialect, shadow, seeds, syntheticRows, schemaFrom, since, QueryManifests.none());
    }

    public VerifyOptions {
        seeds = List.copyOf(seeds);
        schemaFrom = schemaFrom == null ? Optional.empty() : schemaFrom;
        since = since == null ? Optional.empty() : since;
        queries = queries == null ? QueryManifests.none() : queries;
        if (syntheticRows < 0) {
            throw new dev.bellows.ConfigurationException("--rows must be 0 or more, not " + syntheticRows);
        }
    }

    public static VerifyOptions defaults(Dialect dialect) {
        return new VerifyOptions(dialect, ShadowSpec.embedded(), List.of(), 0);
    }

    public VerifyOptions withShadow(ShadowSpec spec) {
        return new VerifyOptions(dialect, spec, seeds, syntheticRows, schemaFrom, since, queries);
    }

    public VerifyOptions withSeeds(List<Seed> s) {
        return new VerifyOptions(dialect, shadow, s, syntheticRows, schemaFrom, since, queries);
    }

    public VerifyOptions withRows(int rows) {
        return new VerifyOptions(dialect, shadow, seeds, rows, schemaFrom, since, queries);
    }

    public VerifyOptions withSince(Release release) {
        return new VerifyOptions(dialect, shadow, seeds, syntheticRows, schemaFrom, Optional.ofNullable(release),
                queries);
    }

    public VerifyOptions withSchemaFrom(SchemaSource source) {
        return new VerifyOptions(dialect, shadow, seeds, syntheticRows, Optional.ofNullable(source), since, queries);
    }

    /** Proves these query manifests too (none: no statement is prepared). */
    public VerifyOptions withQueries(QueryManifests q) {
        return new VerifyOptions(dialect, shadow, seeds, syntheticRows, schemaFrom, since, q);
    }
}
