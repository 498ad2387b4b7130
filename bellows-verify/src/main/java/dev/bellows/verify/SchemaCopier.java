package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.db.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Copies a live database's schema (no data) into an empty shadow database, for
 * {@code verify --schema-from}. One implementation per kind of database, like {@link ShadowProbe}.
 */
interface SchemaCopier {

    static SchemaCopier forDialect(Dialect dialect) {
        return switch (dialect.id()) {
            case "postgresql" -> new PostgresSchemaCopier();
            case "mysql" -> new MySqlSchemaCopier();
            default -> throw new ConfigurationException("verify --schema-from does not support dialect " + dialect.id());
        };
    }

    /** Makes every transaction of the {@code live} session read-only, so nothing there can change. */
    void readOnly(Connection live) throws SQLException;

    /**
     * Copies the schema of {@code live} (only read) into {@code shadow}. Objects that cannot be
     * copied do not stop the copy: each is named in {@link Copy#notCopied()} with the reason.
     */
    Copy copy(Connection live, Connection shadow) throws SQLException;

    /**
     * The row count of every copied table from the live database's statistics (estimates, no
     * table is scanned), keyed by the table's name as the shadow's catalog shows it.
     */
    Map<String, Long> rowEstimates(Connection live) throws SQLException;

    /**
     * What a copy did.
     *
     * @param method    how the schema was read, e.g. {@code catalog of PostgreSQL 17.6}
     * @param copied    how many objects of each kind were created in the shadow, e.g. {@code table=12}
     * @param notCopied one line per object that could not be copied: its kind, name and why
     */
    record Copy(String method, Map<String, Integer> copied, List<String> notCopied) {
        public Copy {
            copied = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(copied));
            notCopied = List.copyOf(notCopied);
        }
    }
}
