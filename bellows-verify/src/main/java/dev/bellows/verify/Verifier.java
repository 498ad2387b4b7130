package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.load.Paths;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Release;

import java.nio.file.Files;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies every migration on a throwaway shadow database, release by release and phase by phase,
 * and judges what each one really did against the expand/migrate/contract invariant.
 *
 * <pre>{@code
 * VerifyReport report = Verifier.verify(MigrationLoader.load(dir, SqlSyntax.POSTGRESQL),
 *         VerifyOptions.defaults(new PostgresDialect()));
 * if (report.failed()) { ... report.findings() ... }
 * }</pre>
 */
public final class Verifier {

    private Verifier() {
    }

    /** Verifies the whole history; the shadow database is gone afterwards (embedded) or left as it is (URL). */
    public static VerifyReport verify(MigrationSet set, VerifyOptions options) {
        long started = System.nanoTime();
        check(set, options, Optional.empty());
        ShadowProbe probe = ShadowProbe.forDialect(options.dialect());
        try (Shadow shadow = Shadow.open(options.shadow(), probe)) {
            return new VerifyRun(set, options, probe, shadow).run(Optional.empty(), started);
        }
    }

    /**
     * Verifies up to and including {@code checkpoint} (e.g. expand of 1.1) and hands back the shadow
     * database positioned there, still open: the caller closes it.
     */
    public static PositionedShadow positionAt(MigrationSet set, VerifyOptions options, Checkpoint checkpoint) {
        long started = System.nanoTime();
        check(set, options, Optional.of(checkpoint));
        ShadowProbe probe = ShadowProbe.forDialect(options.dialect());
        Shadow shadow = Shadow.open(options.shadow(), probe);
        try {
            return new PositionedShadow(shadow, new VerifyRun(set, options, probe, shadow)
                    .run(Optional.of(checkpoint), started));
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
    }

    private static void check(MigrationSet set, VerifyOptions options, Optional<Checkpoint> checkpoint) {
        String releases = set.releases().stream().map(Release::name).collect(Collectors.joining(", "));
        Optional<Release> legacy = options.schemaFrom().isPresent() ? Optional.empty()
                : options.legacy().map(dev.bellows.legacy.LegacyConfig::release);
        for (Seed seed : options.seeds()) {
            if (!set.releases().contains(seed.release()) && !legacy.equals(Optional.of(seed.release()))) {
                throw new ConfigurationException("--seed " + seed.release().name() + "=" + Paths.display(seed.file())
                        + ": " + seed.release().name() + " is not a release in " + Paths.display(set.location())
                        + " (releases: " + releases + legacy.map(l -> "; the legacy history is release " + l).orElse("")
                        + ")");
            }
            if (!Files.isReadable(seed.file())) {
                throw new ConfigurationException("--seed " + seed.release().name() + "=" + Paths.display(seed.file())
                        + ": the file does not exist or cannot be read");
            }
        }
        checkpoint.ifPresent(cp -> {
            if (!set.releases().contains(cp.release())) {
                throw new ConfigurationException("cannot stop after " + cp + ": release " + cp.release().name()
                        + " is not in " + Paths.display(set.location()) + " (releases: " + releases + ")");
            }
        });
    }
}
