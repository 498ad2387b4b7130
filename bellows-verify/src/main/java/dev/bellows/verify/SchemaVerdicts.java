package dev.bellows.verify;

import dev.bellows.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Verdicts on catalog changes, from the invariant: expand only adds ({@link ExpandVerdicts}),
 * migrate does not change the schema ({@link MigrateVerdict}), contract does not remove what its
 * own release's expand added ({@link ContractVerdict}).
 */
final class SchemaVerdicts {

    private SchemaVerdicts() {
    }

    static List<Finding> judge(Observed o) {
        List<SchemaChange> changes = withoutInheritedCopies(withoutChildrenOfDropped(o.statement().changes()),
                id -> o.afterMigration().get(id).or(() -> o.context().atExpandStart().get(id)),
                name -> table(o.afterMigration(), name).or(() -> table(o.context().atExpandStart(), name)));
        List<Finding> out = new ArrayList<>();
        switch (o.migration().phase()) {
            case EXPAND -> changes.forEach(c -> ExpandVerdicts.judge(o, c, out));
            case MIGRATE -> MigrateVerdict.judge(o, changes).ifPresent(out::add);
            case CONTRACT -> changes.forEach(c -> ContractVerdict.judge(o, c).ifPresent(out::add));
        }
        return out;
    }

    /**
     * A dropped table's columns, indexes, constraints and triggers are reported with it, not one by
     * one; so are the indexes and constraints that went with a dropped column.
     */
    static List<SchemaChange> withoutChildrenOfDropped(List<SchemaChange> changes) {
        Set<String> dropped = changes.stream()
                .filter(c -> c.kind() == SchemaChange.Kind.DROPPED)
                .map(SchemaChange::identity)
                .collect(Collectors.toSet());
        Set<String> tablesWithDroppedColumns = changes.stream()
                .filter(c -> c.kind() == SchemaChange.Kind.DROPPED && c.object().kind() == ObjectKind.COLUMN)
                .map(c -> c.object().table())
                .collect(Collectors.toSet());
        return changes.stream()
                .filter(c -> c.object().table() == null || !dropped.contains(c.object().table()))
                .filter(c -> !(c.kind() == SchemaChange.Kind.DROPPED && !c.object().kind().usedByCode()
                        && tablesWithDroppedColumns.contains(c.object().table())))
                .toList();
    }

    /**
     * A change to a parent table (inheritance or partitioning) that PostgreSQL repeats on every child
     * is reported once, on the parent: a child's change is left out when its parent table (the
     * snapshot's {@code parent} property) had the same change in the same statement, and a dropped
     * child when its parent was dropped too.
     */
    static List<SchemaChange> withoutInheritedCopies(List<SchemaChange> changes,
                                                     Function<String, Optional<SchemaObject>> lookup,
                                                     Function<String, Optional<SchemaObject>> tableNamed) {
        Set<String> dropped = changes.stream()
                .filter(c -> c.kind() == SchemaChange.Kind.DROPPED && c.object().kind() == ObjectKind.TABLE)
                .map(c -> c.before().name())
                .collect(Collectors.toSet());
        Set<List<String>> parentChanges = new HashSet<>();
        for (SchemaChange c : changes) {
            if (c.object().table() != null) {
                lookup.apply(c.object().table()).ifPresent(t -> parentChanges.add(signature(c, t)));
            }
        }
        return changes.stream().filter(c -> {
            if (c.object().kind() == ObjectKind.TABLE && c.kind() == SchemaChange.Kind.DROPPED) {
                String parent = c.before().property("parent");
                return parent == null || !dropped.contains(parent);
            }
            if (c.object().table() == null) {
                return true;
            }
            Optional<SchemaObject> parent = lookup.apply(c.object().table())
                    .map(t -> t.property("parent")).flatMap(tableNamed);
            return parent.isEmpty() || !parentChanges.contains(signature(c, parent.get(), lookup
                    .apply(c.object().table()).orElseThrow()));
        }).toList();
    }

    private static Optional<SchemaObject> table(CatalogSnapshot snapshot, String name) {
        return snapshot.objects().values().stream()
                .filter(x -> x.kind() == ObjectKind.TABLE && x.name().equals(name)).findFirst();
    }

    /** What a change did, independent of the table it did it to. */
    private static List<String> signature(SchemaChange c, SchemaObject table) {
        return signature(c, table, table);
    }

    private static List<String> signature(SchemaChange c, SchemaObject as, SchemaObject table) {
        return java.util.Arrays.asList(as.identity(), c.kind().name(), c.property(),
                c.before() == null ? null : local(c.before(), table), c.after() == null ? null : local(c.after(), table),
                c.property() == null ? null : c.oldValue(), c.property() == null ? null : c.newValue());
    }

    private static String local(SchemaObject o, SchemaObject table) {
        String prefix = table.name() + ".";
        return o.name().startsWith(prefix) ? o.name().substring(prefix.length()) : o.name();
    }
}
