package dev.bellows.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return withoutRebuilt(changes);
    }

    /**
     * An index or constraint that the database dropped and re-created under a new identity with
     * the same name, table and definition (PostgreSQL rebuilds the indexes and constraints on a
     * column whose type changes) is the same object to the application: neither dropped nor added.
     * The rebuild itself is reported as part of the table's rewrite.
     */
    static List<SchemaChange> withoutRebuilt(List<SchemaChange> changes) {
        List<SchemaChange> out = new ArrayList<>(changes);
        for (SchemaChange dropped : changes) {
            if (dropped.kind() != SchemaChange.Kind.DROPPED || !rebuildable(dropped.before())) {
                continue;
            }
            for (SchemaChange added : changes) {
                if (added.kind() == SchemaChange.Kind.ADDED && out.contains(added)
                        && sameObject(dropped.before(), added.after())) {
                    out.remove(dropped);
                    out.remove(added);
                    break;
                }
            }
        }
        return out;
    }

    static boolean rebuildable(SchemaObject o) {
        return (o.kind() == ObjectKind.INDEX || o.kind() == ObjectKind.CONSTRAINT) && o.table() != null;
    }

    /** Same kind, table, name and properties (the validity of an index being rebuilt aside). */
    static boolean sameObject(SchemaObject a, SchemaObject b) {
        if (a.kind() != b.kind() || !a.table().equals(b.table()) || !a.name().equals(b.name())) {
            return false;
        }
        Map<String, String> pa = new HashMap<>(a.properties());
        Map<String, String> pb = new HashMap<>(b.properties());
        pa.remove("valid");
        pb.remove("valid");
        return pa.equals(pb);
    }

    /**
     * For databases without object ids (identities are names): a statement that dropped exactly one
     * column of a table and added exactly one with the same type, nullability and default renamed it.
     */
    public static List<SchemaChange> pairRenamedColumns(List<SchemaChange> changes) {
        Map<String, List<SchemaChange>> dropped = new HashMap<>();
        Map<String, List<SchemaChange>> added = new HashMap<>();
        for (SchemaChange c : changes) {
            if (c.object().kind() != ObjectKind.COLUMN) {
                continue;
            }
            if (c.kind() == SchemaChange.Kind.DROPPED) {
                dropped.computeIfAbsent(c.object().table(), k -> new ArrayList<>()).add(c);
            } else if (c.kind() == SchemaChange.Kind.ADDED) {
                added.computeIfAbsent(c.object().table(), k -> new ArrayList<>()).add(c);
            }
        }
        List<SchemaChange> out = new ArrayList<>(changes);
        for (Map.Entry<String, List<SchemaChange>> e : dropped.entrySet()) {
            List<SchemaChange> adds = added.getOrDefault(e.getKey(), List.of());
            if (e.getValue().size() == 1 && adds.size() == 1
                    && e.getValue().get(0).before().properties().equals(adds.get(0).after().properties())) {
                out.remove(adds.get(0));
                out.set(out.indexOf(e.getValue().get(0)), new SchemaChange(SchemaChange.Kind.RENAMED,
                        e.getValue().get(0).before(), adds.get(0).after(), null));
            }
        }
        return out;
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
