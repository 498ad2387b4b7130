package dev.bellows.verify;

import dev.bellows.DatabaseException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.legacy.LegacyConfig;
import dev.bellows.legacy.LegacyEngines;
import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.report.UsedWaiver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One pass over the history on a shadow database: release by release, phase by phase. */
final class VerifyRun {

    private final MigrationSet set;
    private final VerifyOptions options;
    private final ShadowProbe probe;
    private final Shadow shadow;
    private final List<MigrationObservation> observations = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<UsedWaiver> waivers = new ArrayList<>();
    private Optional<ManifestProof> proof = Optional.empty();

    VerifyRun(MigrationSet set, VerifyOptions options, ShadowProbe probe, Shadow shadow) {
        this.set = set;
        this.options = options;
        this.probe = probe;
        this.shadow = shadow;
    }

    VerifyReport run(Optional<Checkpoint> stop, long startedNanos) {
        String server;
        try (Connection c = shadow.connector().connect()) {
            server = probe.serverDescription(c);
            ShadowExecutor executor = new ShadowExecutor(probe, shadow.connector(), c);
            MigrationSet work = set;
            Map<String, Long> liveRows = Map.of();
            if (options.schemaFrom().isPresent()) {
                SchemaSource source = options.schemaFrom().get();
                LiveSchema.Prepared live = LiveSchema.prepare(source, options.since(),
                        options.legacy().map(LegacyConfig::release), set, probe.dialect(), c);
                work = live.pending();
                notes.addAll(live.notes());
                liveRows = live.rowCounts();
                if (source.rowsFromStats()) {
                    Map<String, Long> counts = liveRows;
                    notes.addAll(probe.fillTables(c, t -> (int) Math.min(counts.getOrDefault(t, 0L), source.rowCap()),
                            PlannedForeignKey.addedBy(work.migrations(), probe.dialect().syntax())));
                }
            } else if (options.legacy().isPresent()) {
                work = legacy(options.legacy().get());
                // the legacy history is release legacy.release: its seeds and --rows follow it, as after a release
                for (Seed seed : options.seeds()) {
                    if (seed.release().compareTo(options.legacy().get().release()) <= 0) {
                        SeedRunner.run(c, seed, probe.dialect());
                    }
                }
                if (options.syntheticRows() > 0 && !work.migrations().isEmpty()) {
                    addOnce(probe.fillTables(c, options.syntheticRows(),
                            PlannedForeignKey.addedBy(work.migrations(), probe.dialect().syntax())));
                }
            }
            proof = ManifestProof.open(withLegacyRelease(set), options.queries(), probe, shadow.connector());
            try {
                apply(c, executor, stop, work);
            } finally {
                proof.ifPresent(p -> {
                    findings.addAll(p.findings());
                    notes.addAll(p.notes());
                    p.close();
                });
            }
            if (!liveRows.isEmpty()) {
                notes.addAll(LiveScale.notes(observations, liveRows, options.schemaFrom().get()));
            }
        } catch (SQLException e) {
            throw new DatabaseException("the shadow database " + shadow.connector().url() + " failed: "
                    + e.getMessage(), e);
        }
        return new VerifyReport(server, observations, findings, waivers, notes, shadow.startMillis(),
                (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /**
     * Releases up to --since (or legacy.release) only build the schema (with --schema-from they are not run at
     * all).
     */
    private boolean judged(Release release) {
        return options.schemaFrom().isPresent()
                || options.judgedAfter().map(s -> release.compareTo(s) > 0).orElse(true);
    }

    /**
     * The set with {@code legacy.release} as one of its releases, so that release's query manifest is proved
     * against the schemas of the first Bellows release's rollout (its instances are the ones still running).
     */
    private MigrationSet withLegacyRelease(MigrationSet s) {
        if (options.legacy().isEmpty() || s.releases().contains(options.legacy().get().release())) {
            return s;
        }
        List<Release> declared = new ArrayList<>(s.declared());
        declared.add(options.legacy().get().release());
        return new MigrationSet(s.location(), s.migrations(), declared);
    }

    /**
     * The legacy history's own engine (the real Flyway or Liquibase) builds the shadow's schema, as it builds
     * every fresh database; then, as the runner does after the baseline, only Bellows' releases after
     * {@code legacy.release} run. Returns those.
     */
    private MigrationSet legacy(LegacyConfig config) {
        ShadowConnector sc = shadow.connector();
        List<String> applied = new ArrayList<>();
        long t0 = System.nanoTime();
        LegacyEngines.open(config, new ConnectionSettings(sc.url(), sc.user(), sc.password()))
                .migrate(line -> applied.add(line.strip()));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Release baseline = config.release();
        List<Migration> after = set.migrations().stream().filter(m -> m.release().compareTo(baseline) > 0).toList();
        List<Release> declared = set.declared().stream().filter(r -> r.compareTo(baseline) > 0).toList();
        List<String> skipped = set.releases().stream().filter(r -> r.compareTo(baseline) <= 0).map(Release::name)
                .toList();
        notes.add("legacy " + config.engineName() + " history (" + config.location() + ") built the shadow's schema in "
                + millis + " ms: " + applied.size() + " migration" + (applied.size() == 1 ? "" : "s")
                + (applied.isEmpty() ? "" : " (" + String.join(", ", applied) + ")") + "; it amounts to release "
                + baseline + ", so only the releases after it are run and judged"
                + (skipped.isEmpty() ? "" : " (not run: " + String.join(", ", skipped) + ")"));
        return new MigrationSet(set.location(), after, declared);
    }

    private void apply(Connection c, ShadowExecutor executor, Optional<Checkpoint> stop, MigrationSet set)
            throws SQLException {
        CatalogSnapshot snapshot = probe.snapshot(c);
        List<Release> releases = set.releases();
        for (int i = 0; i < releases.size(); i++) {
            Release release = releases.get(i);
            ReleaseContext context = ReleaseContext.starting(release, snapshot);
            for (Phase phase : Phase.values()) {
                if (phase == Phase.MIGRATE) {
                    context = context.expanded(snapshot);
                } else if (phase == Phase.CONTRACT) {
                    context = context.phaseStarting(snapshot);
                }
                Phase current = phase;
                proof.ifPresent(p -> p.phase(release, current));
                for (Migration m : set.of(release, phase)) {
                    ShadowExecutor.Applied applied = executor.apply(m, snapshot);
                    snapshot = applied.after();
                    observations.add(applied.observation());
                    notes.addAll(applied.notes());
                    Verdicts.Judged judged = Verdicts.judge(applied.observation(), context, applied.after());
                    if (judged(release) || applied.observation().failed()) {
                        findings.addAll(judged.findings());
                        waivers.addAll(judged.waivers());
                    }
                    proof.ifPresent(p -> p.after(applied.observation()));
                    if (applied.observation().failed()) {
                        notes.add("verification stopped at " + m.displayPath() + ", which failed; "
                                + "later migrations were not run");
                        return;
                    }
                }
                proof.ifPresent(p -> p.phaseDone(release, current));
                if (stop.isPresent() && stop.get().is(release, phase)) {
                    return;
                }
            }
            for (Seed seed : options.seeds()) {
                if (seed.release().equals(release)) {
                    SeedRunner.run(c, seed, probe.dialect());
                }
            }
            if (options.syntheticRows() > 0 && i + 1 < releases.size()) {
                List<Migration> later = set.migrations().stream()
                        .filter(m -> m.release().compareTo(release) > 0).toList();
                addOnce(probe.fillTables(c, options.syntheticRows(),
                        PlannedForeignKey.addedBy(later, probe.dialect().syntax())));
            }
            snapshot = probe.snapshot(c);
        }
    }

    /**
     * Adds {@code --rows} notes, each table's once: tables are filled again after every release, and a
     * table that could not be filled after one release usually cannot after the next either.
     */
    private void addOnce(List<String> fillNotes) {
        for (String note : fillNotes) {
            int end = note.indexOf(": ", "--rows: ".length());
            String about = end < 0 ? note : note.substring(0, end);
            if (notes.stream().noneMatch(n -> n.startsWith(about + ": ") || n.equals(note))) {
                notes.add(note);
            }
        }
    }
}
