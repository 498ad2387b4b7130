package dev.bellows.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tops every user table up to N synthetic rows with one {@code INSERT … SELECT … FROM
 * generate_series} per table: values from the column types, distinct values for columns of unique
 * keys, values of the referenced table for single-column foreign keys (parents filled first),
 * columns with defaults left to their defaults, {@code ON CONFLICT DO NOTHING} for the rest.
 */
final class PostgresRowFiller {

    private static final String TABLES = "SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
            + "c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r','p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', "
            + "'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' "
            + "ORDER BY c.oid";

    private static final String COLUMNS = "SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), "
            + "a.attnotnull, a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '', "
            + "bt.typcategory, bt.typname, CASE WHEN a.atttypmod > 4 AND bt.typname IN ('varchar', 'bpchar') "
            + "THEN a.atttypmod - 4 END, "
            + "EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisunique "
            + "AND a.attnum = ANY (i.indkey)), "
            + "(SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) || '|' || quote_ident(pa.attname) "
            + "|| '|' || pc.oid FROM pg_constraint f JOIN pg_class pc ON pc.oid = f.confrelid "
            + "JOIN pg_namespace pn ON pn.oid = pc.relnamespace "
            + "JOIN pg_attribute pa ON pa.attrelid = f.confrelid AND pa.attnum = f.confkey[1] "
            + "WHERE f.conrelid = a.attrelid AND f.contype = 'f' AND cardinality(f.conkey) = 1 "
            + "AND f.conkey[1] = a.attnum LIMIT 1), "
            + "t.typtype = 'e', t.oid "
            + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
            + "JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END "
            + "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    private PostgresRowFiller() {
    }

    private record Table(long oid, String qualified, String name) {
    }

    private record Column(String name, String type, boolean notNull, boolean hasDefault, String category,
                          String baseType, Integer maxLength, boolean unique, String fkTable, String fkColumn,
                          long fkOid, boolean isEnum, long typeOid) {
    }

    static List<String> fill(Connection c, int rows) throws SQLException {
        Map<Long, Table> tables = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(TABLES)) {
            while (rs.next()) {
                tables.put(rs.getLong(1), new Table(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        Map<Long, List<Column>> columns = new LinkedHashMap<>();
        for (Table t : tables.values()) {
            columns.put(t.oid(), columns(c, t.oid()));
        }
        List<String> notes = new ArrayList<>();
        for (Table t : parentsFirst(tables, columns)) {
            String problem = fillOne(c, t, columns.get(t.oid()), rows);
            if (problem != null) {
                notes.add("--rows: could not fill table " + t.name() + ": " + problem);
            }
        }
        return notes;
    }

    private static List<Column> columns(Connection c, long oid) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String fk = rs.getString(9);
                    String[] parts = fk == null ? null : fk.split("\\|");
                    out.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), rs.getBoolean(8),
                            parts == null ? null : parts[0], parts == null ? null : parts[1],
                            parts == null ? 0 : Long.parseLong(parts[2]), rs.getBoolean(10), rs.getLong(11)));
                }
            }
        }
        return out;
    }

    private static List<Table> parentsFirst(Map<Long, Table> tables, Map<Long, List<Column>> columns) {
        Set<Long> done = new LinkedHashSet<>();
        for (Long oid : tables.keySet()) {
            visit(oid, tables, columns, done, new LinkedHashSet<>());
        }
        return done.stream().map(tables::get).toList();
    }

    private static void visit(Long oid, Map<Long, Table> tables, Map<Long, List<Column>> columns, Set<Long> done,
                              Set<Long> path) {
        if (done.contains(oid) || !tables.containsKey(oid) || !path.add(oid)) {
            return;
        }
        for (Column col : columns.get(oid)) {
            if (col.fkTable() != null && col.fkOid() != oid) {
                visit(col.fkOid(), tables, columns, done, path);
            }
        }
        done.add(oid);
    }

    /** Returns null when filled, else why not. */
    private static String fillOne(Connection c, Table t, List<Column> columns, int rows) throws SQLException {
        long existing = count(c, t.qualified());
        if (existing >= rows) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        for (Column col : columns) {
            if (col.hasDefault()) {
                continue;
            }
            String value = value(col, existing, joins);
            if (value == null) {
                if (col.notNull()) {
                    return "no generator for NOT NULL column " + col.name() + " of type " + col.type();
                }
                continue;
            }
            names.add(col.name());
            values.add("(" + value + ")::" + col.type());
        }
        String sql = names.isEmpty()
                ? "INSERT INTO " + t.qualified() + " SELECT FROM generate_series(1, " + (rows - existing) + ") g"
                : "INSERT INTO " + t.qualified() + " (" + String.join(", ", names) + ") SELECT "
                + String.join(", ", values) + " FROM generate_series(1, " + (rows - existing) + ") g"
                + String.join("", joins) + " ON CONFLICT DO NOTHING";
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String value(Column col, long offset, List<String> joins) {
        String n = "(g + " + offset + ")";
        if (col.fkTable() != null) {
            String alias = "fk" + joins.size();
            joins.add(" CROSS JOIN (SELECT array_agg(" + col.fkColumn() + ") AS a FROM " + col.fkTable() + ") " + alias);
            String pick = alias + ".a[1 + (g - 1) % GREATEST(cardinality(" + alias + ".a), 1)]";
            return pick;
        }
        if (col.isEnum()) {
            return "(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = " + col.typeOid()
                    + " ORDER BY e.enumsortorder LIMIT 1)";
        }
        return switch (col.category()) {
            case "N" -> col.baseType().equals("int2") ? "g % 32000" : col.unique() ? n : "g % 10";
            case "S" -> {
                String text = col.unique() ? "'r' || " + n : "'v' || (g % 100)";
                yield col.maxLength() == null ? text : "left(" + text + ", " + col.maxLength() + ")";
            }
            case "B" -> "g % 2 = 0";
            case "D" -> "timestamp '2020-01-01' + " + n + " * interval '1 minute'";
            case "T" -> n + " * interval '1 second'";
            case "A" -> "'{}'";
            case "I" -> "'10.0.0.0'::inet + " + n;
            default -> switch (col.baseType()) {
                case "uuid" -> "md5(" + n + "::text)::uuid";
                case "json", "jsonb" -> "'{}'";
                case "bytea" -> "'\\x00'::bytea";
                default -> null;
            };
        };
    }

    private static long count(Connection c, String qualified) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + qualified)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
