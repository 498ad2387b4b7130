package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.db.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What the verifier asks of one kind of database: catalog snapshots and, where the database can
 * tell, the locks, rewrites and scans of a statement. One implementation per dialect.
 */
interface ShadowProbe {

    static ShadowProbe forDialect(Dialect dialect) {
        return switch (dialect.id()) {
            case "postgresql" -> new PostgresProbe();
            case "mysql" -> new MySqlProbe();
            default -> throw new ConfigurationException("verify does not support dialect " + dialect.id());
        };
    }

    Dialect dialect();

    /** The differences between two snapshots of this database. */
    default List<SchemaChange> diff(CatalogSnapshot before, CatalogSnapshot after) {
        return CatalogDiff.between(before, after);
    }

    /** The user schema of the connected database. */
    CatalogSnapshot snapshot(Connection c) throws SQLException;

    /** Objects already in the database, for refusing a non-empty shadow (at most a few names). */
    default List<String> existingObjects(Connection c) throws SQLException {
        return snapshot(c).objects().values().stream()
                .filter(o -> o.table() == null)
                .map(SchemaObject::describe)
                .limit(5)
                .toList();
    }

    /** e.g. {@code PostgreSQL 17.6}. */
    String serverDescription(Connection c) throws SQLException;

    /**
     * Starts observing one statement that is about to run on {@code c}; {@code transactional} says
     * whether it runs inside an open transaction. {@code connector} opens a second connection where
     * the probe samples from one (statements outside a transaction).
     */
    StatementProbe start(Connection c, boolean transactional, ShadowConnector connector) throws SQLException;

    /**
     * Fills every table up to {@code rows} generated rows (from the column types, respecting NOT
     * NULL, unique keys and single-column foreign keys where it can, including the ones later
     * migrations add: {@code planned}); returns notes on tables it could not fill.
     */
    List<String> fillTables(Connection c, int rows, List<PlannedForeignKey> planned) throws SQLException;

    /**
     * Like {@link #fillTables(Connection, int, List)}, with a row count per table ({@code rowsOf} the
     * table's quoted, schema-qualified name): for {@code verify --rows-from-stats}.
     */
    default List<String> fillTables(Connection c, java.util.function.ToIntFunction<String> rowsOf,
                                    List<PlannedForeignKey> planned) throws SQLException {
        return List.of("--rows-from-stats is not supported for " + dialect().id() + " yet: the shadow's tables "
                + "stay empty, so rewrites and scans are not measured at the live database's size");
    }

    /**
     * Removes the generated rows of {@link #fillTables} that are still there; returns how many
     * (0 when the database cannot tell them apart).
     */
    default long removeGeneratedRows(Connection c) throws SQLException {
        return 0;
    }

    /** Observation of one running statement. */
    interface StatementProbe {
        /** Called right after the statement returned (before COMMIT). */
        Effects finish(Connection c) throws SQLException;
    }

    /** Locks (relation identity to lock) as seen at the end of a statement, rewrites and scans. */
    record Effects(Map<String, SeenLock> locks, List<StorageRewrite> rewrites, List<TableScan> scans) {
        public Effects {
            locks = Map.copyOf(locks);
            rewrites = List.copyOf(rewrites);
            scans = List.copyOf(scans);
        }

        public static Effects none() {
            return new Effects(Map.of(), List.of(), List.of());
        }
    }

    /** A lock on a user relation; {@code sampledMillis} >= 0 when seen by sampling for about that long. */
    record SeenLock(String relation, String name, LockMode mode, long sampledMillis) {
    }
}
