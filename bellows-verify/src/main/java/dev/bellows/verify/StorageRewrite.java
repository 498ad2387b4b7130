package dev.bellows.verify;

/**
 * A table or index whose storage file changed (PostgreSQL {@code relfilenode}): its rows were
 * copied into new storage.
 *
 * @param relation identity of the rewritten relation
 * @param name     its name
 * @param table    identity of the table it belongs to (itself for a table)
 * @param tableName that table's name
 * @param index    true when the rewritten relation is an index
 * @param rows     rows in the table after the statement (-1 when unknown)
 */
public record StorageRewrite(String relation, String name, String table, String tableName, boolean index,
                             long rows) {
}
