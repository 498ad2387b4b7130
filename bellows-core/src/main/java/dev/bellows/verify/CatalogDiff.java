package dev.bellows.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Compares two catalog snapshots object by object, by identity. */
public final class CatalogDiff {

    private CatalogDiff() {
    }

    public static List<SchemaChange> between(CatalogSnapshot before, CatalogSnapshot after) {
        List<SchemaChange> changes = new ArrayList<>();
        for (SchemaObject old : before.objects().values()) {
            SchemaObject now = after.objects().get(old.identity());
            if (now == null) {
                changes.add(new SchemaChange(SchemaChange.Kind.DROPPED, old, null, null));
                continue;
            }
            if (!old.name().equals(now.name()) && !renamedWithParent(old, now, before, after)) {
                changes.add(new SchemaChange(SchemaChange.Kind.RENAMED, old, now, null));
            }
            Set<String> keys = new TreeSet<>(old.properties().keySet());
            keys.addAll(now.properties().keySet());
            for (String key : keys) {
                if (!Objects.equals(old.property(key), now.property(key))) {
                    changes.add(new SchemaChange(SchemaChange.Kind.ALTERED, old, now, key));
                }
            }
        }
        for (SchemaObject now : after.objects().values()) {
            if (!before.contains(now.identity())) {
                changes.add(new SchemaChange(SchemaChange.Kind.ADDED, null, now, null));
            }
        }
        return changes;
    }

    /**
     * A column's display name includes its table's; when only the table was renamed, the column
     * itself was not (the table's rename is reported once).
     */
    private static boolean renamedWithParent(SchemaObject old, SchemaObject now, CatalogSnapshot before,
                                             CatalogSnapshot after) {
        if (old.table() == null || !old.table().equals(now.table())) {
            return false;
        }
        String oldTable = before.get(old.table()).map(SchemaObject::name).orElse(null);
        String newTable = after.get(now.table()).map(SchemaObject::name).orElse(null);
        if (oldTable == null || newTable == null || oldTable.equals(newTable)) {
            return false;
        }
        return localName(old, oldTable).equals(localName(now, newTable));
    }

    private static String localName(SchemaObject o, String table) {
        String prefix = table + ".";
        return o.name().startsWith(prefix) ? o.name().substring(prefix.length()) : o.name();
    }
}
