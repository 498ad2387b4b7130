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
 * keys, values of the referenced table for single-column foreign keys (parents filled first) and
 * for the columns a later migration makes foreign keys ({@link PlannedForeignKey}), columns with
 * defaults left to their defaults, {@code ON CONFLICT DO NOTHING} for the rest.
 *
 * <p>Every generated row is remembered (its primary key, else all its values) in a temporary
 * table of the verifying session, which no snapshot sees, so that {@link #removeGenerated} can
 * take them out again when a migration fails only because of them.
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

    /**
     * The session's record of generated rows: table, primary key columns and the row's key values,
     * in insertion order; for a table without a primary key (null columns) the whole row.
     */
    private static final String GENERATED = "pg_temp.bellows_generated_rows";

    /** A row of a table without a primary key, as a key: all its values. */
    private static final String ROW_KEY = "to_jsonb(bellows_row.*)::text";

    /** Primary key columns of a table: attribute numbers and quoted names, in key order. */
    private static final String PRIMARY_KEY = "SELECT array_agg(a.attnum ORDER BY k.n)::text, "
            + "string_agg(quote_ident(a.attname), ', ' ORDER BY k.n) "
            + "FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n) "
            + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
            + "WHERE i.indrelid = ? AND i.indisprimary";

    static List<String> fill(Connection c, int rows, List<PlannedForeignKey> planned) throws SQLException {
        return fill(c, table -> rows, planned);
    }

    /** Fills each table up to {@code rowsOf} its quoted, schema-qualified name ({@code public.books}). */
    static List<String> fill(Connection c, java.util.function.ToIntFunction<String> rowsOf,
                             List<PlannedForeignKey> planned) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + GENERATED
                    + " (seq bigserial, rel oid NOT NULL, attnums int2[], key text NOT NULL)");
        }
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
        for (PlannedForeignKey fk : planned) {
            plan(c, fk, tables, columns);
        }
        List<String> notes = new ArrayList<>();
        for (Table t : parentsFirst(tables, columns)) {
            int rows = rowsOf.applyAsInt(t.qualified());
            if (rows <= 0) {
                continue;
            }
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
        String insert = names.isEmpty()
                ? "INSERT INTO " + t.qualified() + " AS bellows_row SELECT FROM generate_series(1, " + (rows - existing)
                + ") g"
                : "INSERT INTO " + t.qualified() + " AS bellows_row (" + String.join(", ", names) + ") SELECT "
                + String.join(", ", values) + " FROM generate_series(1, " + (rows - existing) + ") g"
                + String.join("", joins) + " ON CONFLICT DO NOTHING";
        String[] key = primaryKey(c, t.oid());
        String sql = "WITH ins AS (" + insert + " RETURNING " + (key == null ? ROW_KEY : "jsonb_build_array("
                + key[1] + ")::text") + " AS k) INSERT INTO " + GENERATED + " (rel, attnums, key) SELECT " + t.oid()
                + ", " + (key == null ? "NULL" : "'" + key[0] + "'") + "::int2[], k FROM ins";
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** The primary key's attribute numbers ({@code {1,2}}) and quoted column names, or null without one. */
    private static String[] primaryKey(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PRIMARY_KEY)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) == null ? null : new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    /**
     * Takes the generated rows that are still there out again (children before parents; rows whose
     * key a migration changed, and rows of a keyless table a migration changed in any way, are left),
     * and forgets them. Returns how many rows it removed.
     */
    static long removeGenerated(Connection c) throws SQLException {
        List<Object[]> groups = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT g.rel, g.attnums::text, quote_ident(n.nspname) || '.' || quote_ident(cl.relname) "
                        + "FROM (SELECT rel, attnums, max(seq) AS last FROM " + GENERATED + " GROUP BY rel, attnums) g "
                        + "JOIN pg_class cl ON cl.oid = g.rel JOIN pg_namespace n ON n.oid = cl.relnamespace "
                        + "ORDER BY g.last DESC")) {
            while (rs.next()) {
                groups.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
            }
        } catch (SQLException e) {
            return 0; // nothing generated in this session
        }
        long removed = 0;
        for (Object[] g : groups) {
            long rel = (Long) g[0];
            String attnums = (String) g[1];
            String keyExpr = attnums == null ? ROW_KEY : keyColumns(c, rel, attnums);
            if (keyExpr == null) {
                continue;
            }
            String sql = "DELETE FROM " + g[2] + " AS bellows_row WHERE " + keyExpr + " IN (SELECT key FROM " + GENERATED
                    + " WHERE rel = " + rel + " AND attnums " + (attnums == null ? "IS NULL" : "= '" + attnums
                    + "'::int2[]") + ")";
            try (Statement st = c.createStatement()) {
                removed += st.executeUpdate(sql);
            } catch (SQLException e) {
                // e.g. rows a migration inserted still reference them: leave them
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + GENERATED);
        }
        return removed;
    }

    /** {@code jsonb_build_array(id)::text} over the key columns' current names, or null when one is gone. */
    private static String keyColumns(Connection c, long rel, String attnums) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), string_agg(quote_ident(a.attname), ', ' "
                + "ORDER BY array_position(?::int2[], a.attnum)) FROM pg_attribute a WHERE a.attrelid = ? "
                + "AND a.attnum = ANY (?::int2[]) AND NOT a.attisdropped")) {
            ps.setString(1, attnums);
            ps.setLong(2, rel);
            ps.setString(3, attnums);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int expected = attnums.replaceAll("[{}]", "").split(",").length;
                return rs.getInt(1) == expected ? "jsonb_build_array(" + rs.getString(2) + ")::text" : null;
            }
        }
    }

    /**
     * A column that a later migration makes a single-column foreign key gets the values of the
     * referenced table's primary key, as if the key were there already.
     */
    private static void plan(Connection c, PlannedForeignKey fk, Map<Long, Table> tables,
                             Map<Long, List<Column>> columns) throws SQLException {
        Long child = oid(c, fk.table());
        Long parent = oid(c, fk.referencedTable());
        if (child == null || parent == null || !tables.containsKey(child) || !tables.containsKey(parent)) {
            return;
        }
        String[] key = primaryKey(c, parent);
        if (key == null || key[1].contains(",")) {
            return;
        }
        List<Column> cols = columns.get(child);
        for (int i = 0; i < cols.size(); i++) {
            Column col = cols.get(i);
            if (col.fkTable() == null && !col.hasDefault() && unquoted(col.name()).equals(fk.column())) {
                cols.set(i, new Column(col.name(), col.type(), col.notNull(), col.hasDefault(), col.category(),
                        col.baseType(), col.maxLength(), col.unique(), tables.get(parent).qualified(), key[1], parent,
                        col.isEnum(), col.typeOid()));
            }
        }
    }

    private static String unquoted(String quoted) {
        return quoted.startsWith("\"") ? quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"") : quoted;
    }

    /** The table a migration names ({@code orders}, {@code shop.orders}) as the search path resolves it. */
    private static Long oid(Connection c, String name) throws SQLException {
        int dot = name.lastIndexOf('.');
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE c.relname = ? AND c.relkind IN ('r','p') AND "
                + "(n.nspname = ? OR ? IS NULL AND pg_table_is_visible(c.oid))")) {
            String schema = dot < 0 ? null : name.substring(0, dot);
            ps.setString(1, dot < 0 ? name : name.substring(dot + 1));
            ps.setString(2, schema);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
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
