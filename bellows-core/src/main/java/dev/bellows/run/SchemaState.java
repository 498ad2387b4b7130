package dev.bellows.run;

import dev.bellows.RefusedException;
import dev.bellows.history.AppliedMigration;
import dev.bellows.history.AppliedMigration.Outcome;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The migration files set against the history table: what is applied, pending, partial or failed. */
public final class SchemaState {

    private final MigrationSet migrations;
    private final Map<String, AppliedMigration> rows = new LinkedHashMap<>();

    public SchemaState(MigrationSet migrations, List<AppliedMigration> history) {
        this.migrations = migrations;
        for (AppliedMigration row : history) {
            rows.put(row.migration(), row);
        }
    }

    public MigrationSet migrations() {
        return migrations;
    }

    public Optional<AppliedMigration> row(Migration m) {
        return Optional.ofNullable(rows.get(m.id()));
    }

    /** The release a baseline took over as applied (every phase of it and of every older release). */
    public Optional<Release> baseline() {
        return Optional.ofNullable(rows.get(AppliedMigration.BASELINE_ID)).filter(AppliedMigration::isBaseline)
                .map(AppliedMigration::release);
    }

    /** The baseline row itself: who recorded it, when, on which host. */
    public Optional<AppliedMigration> baselineRow() {
        return Optional.ofNullable(rows.get(AppliedMigration.BASELINE_ID)).filter(AppliedMigration::isBaseline);
    }

    /** Whether {@code release} is at or before the baseline: applied without ever being run. */
    public boolean baselined(Release release) {
        return baseline().map(b -> release.compareTo(b) <= 0).orElse(false);
    }

    /** The same files, with a baseline at {@code release} assumed (for plans of a legacy history not run yet). */
    public SchemaState withBaseline(Release release) {
        List<AppliedMigration> history = new ArrayList<>(rows.values());
        history.add(new AppliedMigration(AppliedMigration.BASELINE_ID, release, Phase.CONTRACT, "", "-", 0, 0, null,
                0, 0, java.time.Instant.now(), null, null, Outcome.BASELINE, "", "", null));
        return new SchemaState(migrations, history);
    }

    public MigrationStatus status(Migration m) {
        AppliedMigration row = rows.get(m.id());
        if (row == null && baselined(m.release())) {
            return MigrationStatus.APPLIED;
        }
        if (row == null) {
            return MigrationStatus.PENDING;
        }
        return switch (row.outcome()) {
            case SUCCESS -> MigrationStatus.APPLIED;
            case FAILED -> MigrationStatus.FAILED;
            case RUNNING, COMPLETE, BASELINE -> MigrationStatus.PARTIAL;
        };
    }

    public List<Migration> pending(Release release, Phase phase) {
        return migrations.of(release, phase).stream().filter(m -> status(m) != MigrationStatus.APPLIED).toList();
    }

    /** Every file of (release, phase) applied; true for a phase without files. */
    public boolean filesApplied(Release release, Phase phase) {
        return pending(release, phase).isEmpty();
    }

    public boolean hasMarker(Release release, Phase phase) {
        AppliedMigration row = rows.get(release.name() + "/" + phase.id());
        return (row != null && row.outcome() == Outcome.COMPLETE) || baselined(release);
    }

    /** The newest release whose {@code phase} was completed, from the marker rows. */
    public Optional<Release> newestCompleted(Phase phase) {
        return rows.values().stream().filter(r -> r.isMarker() && r.phase() == phase)
                .map(AppliedMigration::release).max(Release::compareTo);
    }

    /** Releases known from files or history, oldest first. */
    public List<Release> releases() {
        Set<Release> all = new java.util.TreeSet<>(migrations.releases());
        rows.values().forEach(r -> all.add(r.release()));
        return List.copyOf(all);
    }

    /** History rows of files that are no longer at the location. */
    public List<AppliedMigration> missingFiles() {
        Set<String> ids = migrations.migrations().stream().map(Migration::id).collect(Collectors.toSet());
        return rows.values().stream().filter(r -> !r.isMarker() && !ids.contains(r.migration())).toList();
    }

    /** Applied files whose content changed since. */
    public List<Migration> changedFiles() {
        return migrations.migrations().stream().filter(m -> {
            AppliedMigration row = rows.get(m.id());
            return row != null && row.succeeded() && !row.checksum().equals(m.checksum());
        }).toList();
    }

    /**
     * Refuses (exit 1) when the files and the history disagree: an applied file edited or deleted,
     * or a new file placed before something that already ran.
     */
    public void validate() {
        changedFiles().stream().findFirst().ifPresent(m -> {
            throw new ChecksumMismatchException(m.displayPath(), rows.get(m.id()).checksum(), m.checksum());
        });
        missingFiles().stream().findFirst().ifPresent(row -> {
            throw new RefusedException("history has " + row.migration() + " applied, but there is no such file in "
                    + migrations.location() + "; restore the file, or run `bellows repair` to forget it");
        });
        List<String> outOfOrder = outOfOrder();
        if (!outOfOrder.isEmpty()) {
            throw new RefusedException(String.join("\n", outOfOrder));
        }
    }

    private List<String> outOfOrder() {
        List<String> problems = new ArrayList<>();
        for (Migration m : migrations.migrations()) {
            if (status(m) != MigrationStatus.PENDING) {
                continue;
            }
            Optional<String> later = laterApplied(m);
            later.ifPresent(what -> problems.add(m.displayPath() + " has no history row, but " + what
                    + " already ran after its place in the order. If it is a new file, move its change into a new "
                    + "release (or a new file of a release that has not run yet). If its row was deleted by hand and "
                    + "its change is in the database, record it as applied with `bellows repair --applied "
                    + m.id() + "`."));
        }
        return problems;
    }

    private Optional<String> laterApplied(Migration m) {
        for (AppliedMigration row : rows.values()) {
            if (row.isMarker()) {
                boolean laterRelease = row.phase() == m.phase() && row.release().compareTo(m.release()) > 0;
                boolean laterPhase = row.release().equals(m.release()) && row.phase().compareTo(m.phase()) > 0
                        && !migrations.of(m.release(), row.phase()).isEmpty();
                if (laterRelease || laterPhase) {
                    return Optional.of(row.phase().id() + " " + row.release());
                }
                continue;
            }
            boolean sameStep = row.release().equals(m.release()) && row.phase() == m.phase();
            int cmp = row.release().compareTo(m.release());
            if ((sameStep && fileNumber(row) > m.number())
                    || (row.phase() == m.phase() && cmp > 0)
                    || (cmp == 0 && row.phase().compareTo(m.phase()) > 0)) {
                return Optional.of(row.migration());
            }
        }
        return Optional.empty();
    }

    private int fileNumber(AppliedMigration row) {
        String name = row.fileName();
        int i = 0;
        while (i < name.length() && Character.isDigit(name.charAt(i))) {
            i++;
        }
        return i == 0 ? 0 : Integer.parseInt(name.substring(0, Math.min(i, 9)));
    }
}
