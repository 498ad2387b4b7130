package dev.bellows.verify;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * expand(N) must leave everything that existed before it in place and compatible: no drop, no
 * rename (unless a view keeps the old name), no incompatible type change, no new NOT NULL without a
 * default, no dropped default. New constraints on pre-existing tables are warnings.
 */
final class ExpandVerdicts {

    private ExpandVerdicts() {
    }

    static void judge(Observed o, SchemaChange c, List<Finding> out) {
        ReleaseContext ctx = o.context();
        SchemaObject obj = c.object();
        String what = o.phaseOfRelease() + " ";
        String since = ", which existed before release " + ctx.release().name();
        switch (c.kind()) {
            case DROPPED -> {
                if (!ctx.preExisting(c.before())) {
                    return;
                }
                out.add(o.finding(dropRule(obj.kind()), obj.kind().usedByCode() ? Severity.ERROR : Severity.WARNING,
                        what + c.describe() + since + (obj.kind().usedByCode()
                                ? ": the previous release still uses it and fails while both run"
                                : ": the previous release may rely on it"),
                        "1. Keep " + obj.describe() + " through expand; stop using it in release "
                                + ctx.release().name() + "'s code.",
                        "2. Drop it in the contract phase, which runs once no instance runs an older release."));
            }
            case RENAMED -> {
                if (!ctx.preExisting(c.before())) {
                    return;
                }
                Optional<String> shim = compatibilityShim(o, c);
                if (shim.isPresent() && shim.get().isEmpty()) {
                    return;
                }
                out.add(o.finding(renameRule(obj.kind()), obj.kind().usedByCode() ? Severity.ERROR : Severity.WARNING,
                        what + c.describe() + since + ": the previous release still uses the old name"
                                + shim.map(s -> " (" + s + ")").orElse(""),
                        "1. expand: add " + c.after().name() + " next to " + c.before().name()
                                + " and keep both in sync (a trigger, or a view over the old name).",
                        "2. migrate: copy the existing data in batches.",
                        "3. contract: drop " + c.before().name() + " once no instance runs an older release."));
            }
            case ALTERED -> altered(o, c, out);
            case ADDED -> added(o, c, out);
        }
    }

    /**
     * A table renamed together with a view of its old name (in the same transaction) stays usable by
     * the previous release. Empty when there is no such view; an empty string when the view has
     * every column the table had; else what it lacks.
     */
    private static Optional<String> compatibilityShim(Observed o, SchemaChange c) {
        if (c.before().kind() != ObjectKind.TABLE && c.before().kind() != ObjectKind.VIEW
                || !o.statement().transactional()) {
            return Optional.empty();
        }
        Optional<SchemaObject> shim = o.afterMigration().objects().values().stream()
                .filter(x -> x.name().equals(c.before().name()) && !x.identity().equals(c.identity())
                        && (x.kind() == ObjectKind.VIEW || x.kind() == ObjectKind.TABLE))
                .findFirst();
        if (shim.isEmpty()) {
            return Optional.empty();
        }
        Set<String> has = columnNames(o.afterMigration(), shim.get());
        List<String> missing = o.context().atExpandStart().objects().values().stream()
                .filter(x -> x.kind() == ObjectKind.COLUMN && c.identity().equals(x.table()))
                .map(x -> localName(x.name()))
                .filter(n -> !has.contains(n))
                .toList();
        return Optional.of(missing.isEmpty() ? "" : shim.get().describe() + " keeps the old name but lacks "
                + String.join(", ", missing));
    }

    private static Set<String> columnNames(CatalogSnapshot snapshot, SchemaObject relation) {
        return snapshot.objects().values().stream()
                .filter(x -> x.kind() == ObjectKind.COLUMN && relation.identity().equals(x.table()))
                .map(x -> localName(x.name()))
                .collect(Collectors.toSet());
    }

    private static void altered(Observed o, SchemaChange c, List<Finding> out) {
        ReleaseContext ctx = o.context();
        if (!ctx.preExisting(c.identity()) || c.after().kind() != ObjectKind.COLUMN) {
            if (ctx.preExisting(c.identity()) && c.after().kind() == ObjectKind.VIEW) {
                out.add(o.finding(VerifyRule.DEFINITION_CHANGED, Severity.WARNING,
                        o.phaseOfRelease() + " changed the definition of " + c.after().describe()
                                + ": check that the previous release's queries still get what they expect",
                        "1. Prefer a new view for the new release; drop the old one in contract."));
            }
            return;
        }
        String col = c.after().name();
        String what = o.phaseOfRelease() + " ";
        switch (c.property()) {
            case "type" -> {
                if (!TypeWidening.compatible(c.oldValue(), c.newValue())) {
                    out.add(o.finding(VerifyRule.TYPE_CHANGE, Severity.ERROR,
                            what + c.describe() + ": the previous release reads and writes the old type",
                            "1. expand: add a new column of type " + c.newValue() + " and a trigger that copies "
                                    + col + " into it on every write.",
                            "2. migrate: backfill the new column in batches.",
                            "3. contract: drop " + col + " (and the trigger) once no older release runs."));
                }
            }
            case "not null" -> {
                if ("true".equals(c.newValue()) && c.after().property("default") == null) {
                    out.add(o.finding(VerifyRule.NOT_NULL_ADDED, Severity.ERROR,
                            what + "made column " + col + " NOT NULL without a default: inserts of the "
                                    + "previous release that leave it out fail",
                            "1. expand: give " + col + " a DEFAULT, or add CHECK (" + localName(col)
                                    + " IS NOT NULL) NOT VALID.",
                            "2. migrate: backfill NULLs and VALIDATE the constraint.",
                            "3. contract: SET NOT NULL (PostgreSQL skips the scan when a valid CHECK exists)."));
                }
            }
            case "default" -> {
                if (c.newValue() == null) {
                    out.add(o.finding(VerifyRule.DEFAULT_DROPPED, Severity.ERROR,
                            what + "dropped the default of column " + col + " (was " + c.oldValue()
                                    + "): inserts of the previous release that leave it out change meaning or fail",
                            "1. Keep the default until contract of " + ctx.release().name() + "."));
                } else {
                    out.add(o.finding(VerifyRule.DEFAULT_CHANGED, Severity.WARNING,
                            what + c.describe() + ": rows the previous release inserts get the new default",
                            "1. Check that the previous release's code is fine with " + c.newValue() + "."));
                }
            }
            default -> {
                // identity, generated: reported by the catalog diff, no verdict
            }
        }
    }

    private static void added(Observed o, SchemaChange c, List<Finding> out) {
        ReleaseContext ctx = o.context();
        SchemaObject obj = c.after();
        if (obj.table() == null || !ctx.preExisting(obj.table())) {
            return;
        }
        String table = ctx.atExpandStart().get(obj.table()).map(SchemaObject::name).orElse(obj.table());
        if (obj.kind() == ObjectKind.COLUMN && "true".equals(obj.property("not null"))
                && obj.property("default") == null && obj.property("identity") == null
                && obj.property("generated") == null && !String.valueOf(obj.property("extra")).contains("auto_increment")) {
            out.add(o.finding(VerifyRule.NOT_NULL_ADDED, Severity.ERROR,
                    o.phaseOfRelease() + " added column " + obj.name() + " NOT NULL without a default to table "
                            + table + ", which existed before release " + ctx.release().name()
                            + ": the previous release's inserts fail",
                    "1. expand: add " + obj.name() + " as nullable or with a DEFAULT.",
                    "2. migrate: backfill it in batches.",
                    "3. contract: SET NOT NULL once no older release runs."));
        }
        if (obj.kind() == ObjectKind.CONSTRAINT) {
            out.add(o.finding(VerifyRule.CONSTRAINT_ADDED, Severity.WARNING,
                    o.phaseOfRelease() + " added constraint " + obj.name() + " to table " + table
                            + ", which existed before release " + ctx.release().name()
                            + ": writes of the previous release that violate it fail",
                    "1. Check that the previous release never writes rows that violate " + obj.name() + "."));
        }
    }

    private static VerifyRule dropRule(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> VerifyRule.DROPPED_TABLE;
            case COLUMN -> VerifyRule.DROPPED_COLUMN;
            default -> VerifyRule.DROPPED_OBJECT;
        };
    }

    private static VerifyRule renameRule(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> VerifyRule.RENAMED_TABLE;
            case COLUMN -> VerifyRule.RENAMED_COLUMN;
            default -> VerifyRule.RENAMED_OBJECT;
        };
    }

    private static String localName(String column) {
        int dot = column.lastIndexOf('.');
        return dot < 0 ? column : column.substring(dot + 1);
    }
}
