package dev.bellows.verify;

import java.util.Map;
import java.util.TreeMap;

/**
 * One object of a catalog snapshot.
 *
 * @param identity   stable identity across renames where the database has one (PostgreSQL OIDs and
 *                   attribute numbers, e.g. {@code col:16384:3}); otherwise derived from names
 * @param kind       what it is
 * @param table      the identity of the table it belongs to (columns, indexes, constraints, triggers), else null
 * @param name       its display name, e.g. {@code books.isbn} or {@code books_isbn_idx}
 * @param properties compared attributes (type, not null, default, validated, valid, definition, …)
 */
public record SchemaObject(String identity, ObjectKind kind, String table, String name,
                           Map<String, String> properties) {

    public SchemaObject {
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    public String property(String key) {
        return properties.get(key);
    }

    /** {@code column books.isbn}. */
    public String describe() {
        return kind.label() + " " + name;
    }
}
