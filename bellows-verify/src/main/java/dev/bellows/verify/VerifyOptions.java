package dev.bellows.verify;

import dev.bellows.db.Dialect;
import dev.bellows.legacy.LegacyConfig;
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
 * @param legacy        the legacy history (Flyway, Liquibase): its own engine builds the shadow's schema first, and
 *                      only the releases after {@code legacy.release} run (as the runner does after its baseline);
 *                      with {@code schemaFrom}, the live schema already has it and {@code legacy.release} stands in
 *                      for {@code since}
 */
public record VerifyOptions(Dialect dialect, ShadowSpec shadow, List<Seed> seeds, int syntheticRows,
                            Optional<SchemaSource> schemaFrom, Optional<Release> since, QueryManifests queries,
                            Optional<LegacyConfig> legacy) {

    public VerifyOptions(Dialect dialect, ShadowSpec shadow, List<Seed> seeds, int syntheticRows) {
        this(dialect, shadow, seeds, syntheticRows, Optional.empty(), Optional.empty(), QueryManifests.none());
    }

    public VerifyOptions(Dialect dialect, ShadowSpec shadow, List<Seed> seeds, int syntheticRows,
                         Optional<SchemaSource> schemaFrom, Optional<Release> since, QueryManifests queries) {
        this(dialect, shadow, seeds, syntheticRows, schemaFrom, since, queries, Optional.empty());
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
        legacy = legacy == null ? Optional.empty() : legacy;
        if (syntheticRows < 0) {
            throw new dev.bellows.ConfigurationException("--rows must be 0 or more, not " + syntheticRows);
        }
    }

    public static VerifyOptions defaults(Dialect dialect) {
        return new VerifyOptions(dialect, ShadowSpec.embedded(), List.of(), 0);
    }

    public VerifyOptions withShadow(ShadowSpec spec) {
        return new VerifyOptions(dialect, spec, seeds, syntheticRows, schemaFrom, since, queries, legacy);
    }

    public VerifyOptions withSeeds(List<Seed> s) {
        return new VerifyOptions(dialect, shadow, s, syntheticRows, schemaFrom, since, queries, legacy);
    }

    public VerifyOptions withRows(int rows) {
        return new VerifyOptions(dialect, shadow, seeds, rows, schemaFrom, since, queries, legacy);
    }

    public VerifyOptions withSince(Release release) {
        return new VerifyOptions(dialect, shadow, seeds, syntheticRows, schemaFrom, Optional.ofNullable(release),
                queries, legacy);
    }

    public VerifyOptions withSchemaFrom(SchemaSource source) {
        return new VerifyOptions(dialect, shadow, seeds, syntheticRows, Optional.ofNullable(source), since, queries, legacy);
    }

    /** Proves these query manifests too (none: no statement is prepared). */
    public VerifyOptions withQueries(QueryManifests q) {
        return new VerifyOptions(dialect, shadow, seeds, syntheticRows, schemaFrom, since, q, legacy);
    }

    /** Builds the shadow's schema with this legacy history's own engine first (none: Bellows' releases alone). */
    public VerifyOptions withLegacy(Optional<LegacyConfig> l) {
        return new VerifyOptions(dialect, shadow, seeds, syntheticRows, schemaFrom, since, queries, l);
    }

    /**
     * The release up to which releases are not judged: the newer of {@code since} and {@code legacy.release}
     * (releases up to {@code legacy.release} are not even run: the legacy history stands for them).
     */
    public Optional<Release> judgedAfter() {
        return LegacyConfig.judgedAfter(since, legacy);
    }
}
