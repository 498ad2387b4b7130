package dev.bellows.verify;

import dev.bellows.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        List<SchemaChange> changes = withoutChildrenOfDropped(o.statement().changes());
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

}
