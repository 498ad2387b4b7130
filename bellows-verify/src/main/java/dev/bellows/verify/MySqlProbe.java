package dev.bellows.verify;

import dev.bellows.db.Dialect;
import dev.bellows.db.MySqlDialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MySQL 8 / MariaDB: catalog snapshots from {@code information_schema} of the current database.
 * There are no object ids there, so identities are names: a rename shows as a drop plus an add
 * (both still fail an expand). Locks, rewrites and scans are not observed on MySQL.
 */
final class MySqlProbe implements ShadowProbe {

    private static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
            + "WHERE TABLE_SCHEMA = DATABASE()";
    private static final String COLUMNS = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, "
            + "c.COLUMN_DEFAULT, c.EXTRA FROM information_schema.COLUMNS c JOIN information_schema.TABLES t "
            + "ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
            + "WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')";
    private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, MIN(NON_UNIQUE), "
            + "GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ', ') FROM information_schema.STATISTICS "
            + "WHERE TABLE_SCHEMA = DATABASE() GROUP BY TABLE_NAME, INDEX_NAME";
    private static final String CONSTRAINTS = "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE "
            + "FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()";
    private static final String ROUTINES = "SELECT ROUTINE_NAME, ROUTINE_TYPE, MD5(ROUTINE_DEFINITION) "
            + "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()";
    private static final String TRIGGERS = "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, "
            + "EVENT_MANIPULATION FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()";
    private static final String VIEWS = "SELECT TABLE_NAME, MD5(VIEW_DEFINITION) FROM information_schema.VIEWS "
            + "WHERE TABLE_SCHEMA = DATABASE()";

    @Override
    public Dialect dialect() {
        return new MySqlDialect();
    }

    /** Without object ids, a column dropped and one added alike in one statement is taken as a rename. */
    @Override
    public List<SchemaChange> diff(CatalogSnapshot before, CatalogSnapshot after) {
        return CatalogDiff.pairRenamedColumns(CatalogDiff.between(before, after));
    }

    @Override
    public CatalogSnapshot snapshot(Connection c) throws SQLException {
        List<SchemaObject> out = new ArrayList<>();
        Map<String, String> views = new HashMap<>();
        query(c, VIEWS, rs -> views.put(rs.getString(1), rs.getString(2)));
        query(c, TABLES, rs -> {
            String type = rs.getString(2);
            ObjectKind kind = "VIEW".equals(type) ? ObjectKind.VIEW
                    : "SEQUENCE".equals(type) ? ObjectKind.SEQUENCE : ObjectKind.TABLE;
            Map<String, String> p = new HashMap<>();
            if (kind == ObjectKind.VIEW && views.get(rs.getString(1)) != null) {
                p.put("definition", views.get(rs.getString(1)));
            }
            out.add(new SchemaObject(rel(rs.getString(1)), kind, null, rs.getString(1), p));
        });
        query(c, COLUMNS, rs -> {
            Map<String, String> p = new HashMap<>();
            p.put("type", rs.getString(3));
            p.put("not null", Boolean.toString("NO".equals(rs.getString(4))));
            String def = rs.getString(5);
            if (def != null && !"NULL".equalsIgnoreCase(def)) {
                p.put("default", def);
            }
            if (rs.getString(6) != null && !rs.getString(6).isBlank()) {
                p.put("extra", rs.getString(6));
            }
            out.add(new SchemaObject("col:" + rs.getString(1) + ":" + rs.getString(2), ObjectKind.COLUMN,
                    rel(rs.getString(1)), rs.getString(1) + "." + rs.getString(2), p));
        });
        query(c, INDEXES, rs -> out.add(new SchemaObject("idx:" + rs.getString(1) + ":" + rs.getString(2),
                ObjectKind.INDEX, rel(rs.getString(1)), rs.getString(2),
                Map.of("unique", Boolean.toString(rs.getInt(3) == 0), "columns", rs.getString(4)))));
        query(c, CONSTRAINTS, rs -> out.add(new SchemaObject("con:" + rs.getString(1) + ":" + rs.getString(3)
                + ":" + rs.getString(2), ObjectKind.CONSTRAINT, rel(rs.getString(1)), rs.getString(2),
                Map.of("type", rs.getString(3)))));
        query(c, ROUTINES, rs -> out.add(new SchemaObject("proc:" + rs.getString(2) + ":" + rs.getString(1),
                ObjectKind.FUNCTION, null, rs.getString(1) + "()",
                rs.getString(3) == null ? Map.of() : Map.of("body", rs.getString(3)))));
        query(c, TRIGGERS, rs -> out.add(new SchemaObject("trg:" + rs.getString(1), ObjectKind.TRIGGER,
                rel(rs.getString(2)), rs.getString(1),
                Map.of("event", rs.getString(3) + " " + rs.getString(4)))));
        return CatalogSnapshot.of(out);
    }

    private static String rel(String table) {
        return "rel:" + table;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }

    @Override
    public String serverDescription(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            String v = rs.getString(1);
            return (v.toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? "MariaDB " : "MySQL ")
                    + v.split("-")[0];
        }
    }

    @Override
    public List<String> fillTables(Connection c, int rows, List<PlannedForeignKey> planned) {
        return List.of("--rows is not supported for MySQL/MariaDB yet: no synthetic rows were generated; "
                + "use --seed RELEASE=FILE");
    }

    @Override
    public StatementProbe start(Connection c, boolean transactional, ShadowConnector connector) {
        return after -> Effects.none();
    }
}
