package dev.bellows.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL: reads the live catalog and writes each object's DDL into the shadow, using the
 * server's own deparsers ({@code pg_get_viewdef}, {@code pg_get_functiondef}, {@code pg_get_indexdef},
 * {@code pg_get_constraintdef}, {@code pg_get_triggerdef}, {@code pg_get_expr}, {@code format_type}),
 * so every expression comes back exactly as the server understands it. Names are quoted by the
 * server ({@code format('%I.%I')}), and the live session runs with an empty {@code search_path}
 * so every reference comes back schema-qualified.
 *
 * <p>Why not {@code pg_dump --schema-only}: the embedded PostgreSQL binaries bundled with Bellows
 * hold no {@code pg_dump}, and the one on a user's PATH refuses to dump a server of a newer major
 * version ("server version mismatch"), which is the common case for a client package installed
 * years before the server was upgraded. The catalog needs nothing but a read-only connection
 * with the privileges the application's own user has.
 *
 * <p>Order of creation: extensions the shadow has, schemas, enum, domain and composite types,
 * sequences, tables (columns, NOT NULL, identity, generated columns; partitions attached),
 * functions and procedures, defaults, constraints (foreign keys last), indexes, views and
 * materialized views (retried until their dependencies exist), triggers, sequence ownership.
 * Objects that belong to an extension are left to the extension. Not copied: data, grants,
 * comments, row-level security policies, statistics objects, aggregates, publications.
 */
final class PostgresSchemaCopier implements SchemaCopier {

    private static final String USER_NS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    /** Bellows' own tables (history, instances, batch progress) are not part of the application's schema. */
    private static final String NOT_BELLOWS = "c.relname NOT LIKE 'bellows\\_%'";

    private static String notExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '" + catalog + "'::regclass "
                + "AND dep.objid = " + oid + " AND dep.deptype = 'e')";
    }

    private static final String EXTENSIONS = "SELECT e.extname, format('%I', n.nspname) FROM pg_extension e "
            + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY e.oid";

    private static final String SCHEMAS = "SELECT format('%I', n.nspname) FROM pg_namespace n WHERE " + USER_NS
            + " AND n.nspname <> 'public' AND " + notExtension("pg_namespace", "n.oid") + " ORDER BY n.oid";

    private static final String ENUMS = "SELECT format('%I.%I', n.nspname, t.typname), "
            + "(SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e "
            + "WHERE e.enumtypid = t.oid) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            + "WHERE t.typtype = 'e' AND " + USER_NS + " AND " + notExtension("pg_type", "t.oid") + " ORDER BY t.oid";

    private static final String DOMAINS = "SELECT format('%I.%I', n.nspname, t.typname), "
            + "format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault, "
            + "(SELECT string_agg(format('CONSTRAINT %I ', co.conname) || pg_get_constraintdef(co.oid), ' ' "
            + "ORDER BY co.oid) FROM pg_constraint co WHERE co.contypid = t.oid AND co.contype = 'c') "
            + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            + "WHERE t.typtype = 'd' AND " + USER_NS + " AND " + notExtension("pg_type", "t.oid") + " ORDER BY t.oid";

    private static final String COMPOSITES = "SELECT format('%I.%I', n.nspname, t.typname), "
            + "(SELECT string_agg(format('%I ', a.attname) || format_type(a.atttypid, a.atttypmod), ', ' "
            + "ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 "
            + "AND NOT a.attisdropped) FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' "
            + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + USER_NS + " AND "
            + notExtension("pg_type", "t.oid") + " ORDER BY t.oid";

    private static final String SEQUENCES = "SELECT format('%I.%I', s.schemaname, s.sequencename), s.data_type, "
            + "s.start_value, s.min_value, s.max_value, s.increment_by, s.cycle, s.cache_size "
            + "FROM pg_sequences s JOIN pg_namespace n ON n.nspname = s.schemaname "
            + "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename "
            + "WHERE " + USER_NS + " AND " + NOT_BELLOWS + " AND " + notExtension("pg_class", "c.oid")
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i') ORDER BY c.oid";

    /** Tables: partitioned parents before their partitions (a partition's OID may be older than ... never). */
    private static final String TABLES = "SELECT c.oid, format('%I.%I', n.nspname, c.relname), c.relkind, "
            + "c.relpersistence, c.relispartition, "
            + "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, "
            + "CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, "
            + "(SELECT string_agg(format('%I.%I', pn.nspname, pc.relname), ', ' ORDER BY i.inhseqno) "
            + "FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent "
            + "JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid) "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p') AND " + USER_NS + " AND " + NOT_BELLOWS + " AND "
            + notExtension("pg_class", "c.oid") + " ORDER BY c.relispartition, c.oid";

    private static final String COLUMNS = "SELECT a.attrelid, format('%I', a.attname), "
            + "format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity, a.attgenerated, "
            + "pg_get_expr(d.adbin, d.adrelid), a.attislocal, "
            + "CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN "
            + "(SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co "
            + "JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END "
            + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
            + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_NS + " AND "
            + NOT_BELLOWS + " ORDER BY a.attrelid, a.attnum";

    private static final String FUNCTIONS = "SELECT format('%I.%I', n.nspname, p.proname) || '(' "
            + "|| pg_get_function_identity_arguments(p.oid) || ')', p.prokind, "
            + "CASE WHEN p.prokind IN ('f', 'p', 'w') THEN pg_get_functiondef(p.oid) END "
            + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            + "WHERE " + USER_NS + " AND " + notExtension("pg_proc", "p.oid") + " ORDER BY p.oid";

    private static final String CONSTRAINTS = "SELECT format('%I.%I', n.nspname, c.relname), format('%I', co.conname), "
            + "co.contype, pg_get_constraintdef(co.oid) FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE co.contype IN ('p', 'u', 'x', 'c', 'f') "
            + "AND co.conislocal AND co.conparentid = 0 AND c.relkind IN ('r', 'p') AND " + USER_NS + " AND "
            + NOT_BELLOWS + " AND " + notExtension("pg_class", "c.oid")
            + " ORDER BY co.contype = 'f', co.contype <> 'p', co.oid";

    private static final String INDEXES = "SELECT format('%I.%I', n.nspname, ic.relname), pg_get_indexdef(i.indexrelid) "
            + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm') AND " + USER_NS
            + " AND " + NOT_BELLOWS + " AND " + notExtension("pg_class", "c.oid")
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid "
            + "AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')) "
            + "AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) ORDER BY c.relkind = 'm', i.indexrelid";

    private static final String VIEWS = "SELECT format('%I.%I', n.nspname, c.relname), c.relkind, "
            + "pg_get_viewdef(c.oid), array_to_string(c.reloptions, ', ') "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND "
            + USER_NS + " AND " + notExtension("pg_class", "c.oid") + " ORDER BY c.oid";

    private static final String TRIGGERS = "SELECT format('%I ON %I.%I', t.tgname, n.nspname, c.relname), "
            + "pg_get_triggerdef(t.oid), t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND "
            + USER_NS + " AND " + NOT_BELLOWS + " AND " + notExtension("pg_class", "c.oid") + " ORDER BY t.oid";

    private static final String OWNED_SEQUENCES = "SELECT format('%I.%I', sn.nspname, s.relname), "
            + "format('%I.%I.%I', tn.nspname, t.relname, a.attname) FROM pg_depend d "
            + "JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_namespace sn ON sn.oid = s.relnamespace "
            + "JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace "
            + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
            + "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' "
            + "AND t.relname NOT LIKE 'bellows\\_%'";

    static final String ROW_ESTIMATES = "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
            // reltuples once VACUUM or ANALYZE ran (-1 before, from PostgreSQL 14), else the live-tuple counter
            + "CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint ELSE coalesce(s.n_live_tup, 0) END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relkind IN ('r', 'p') AND " + USER_NS
            + " AND " + NOT_BELLOWS;

    @Override
    public void readOnly(Connection live) throws SQLException {
        try (Statement st = live.createStatement()) {
            st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
    }

    @Override
    public Copy copy(Connection live, Connection shadow) throws SQLException {
        String version;
        try (Statement st = live.createStatement()) {
            // Every name and expression the deparsers return is then schema-qualified.
            st.execute("SET search_path = ''");
            version = one(st, "SHOW server_version");
        }
        // One transaction (a savepoint per object, so one that fails is named and the rest go on): thousands of
        // DDL statements each committed on their own cost a WAL flush apiece.
        Writer w = new Writer(shadow, true);
        shadow.setAutoCommit(false);
        try (Statement st = shadow.createStatement()) {
            st.execute("SET LOCAL check_function_bodies = off");
        }
        try {
            copyAll(live, w);
            shadow.commit();
        } catch (SQLException | RuntimeException e) {
            shadow.rollback();
            throw e;
        } finally {
            shadow.setAutoCommit(true);
        }
        return new Copy("catalog of PostgreSQL " + version, w.counts, w.notCopied);
    }

    private void copyAll(Connection live, Writer w) throws SQLException {
        Connection shadow = w.shadow;
        copyExtensions(live, shadow, w);
        for (String[] r : rows(live, SCHEMAS, 1)) {
            w.run("schema", r[0], "CREATE SCHEMA IF NOT EXISTS " + r[0]);
        }
        for (String[] r : rows(live, ENUMS, 2)) {
            w.run("enum type", r[0], "CREATE TYPE " + r[0] + " AS ENUM (" + (r[1] == null ? "" : r[1]) + ")");
        }
        for (String[] r : rows(live, DOMAINS, 5)) {
            w.run("domain", r[0], "CREATE DOMAIN " + r[0] + " AS " + r[1]
                    + (r[3] != null ? " DEFAULT " + r[3] : "") + ("t".equals(r[2]) ? " NOT NULL" : "")
                    + (r[4] != null ? " " + r[4] : ""));
        }
        for (String[] r : rows(live, COMPOSITES, 2)) {
            w.run("composite type", r[0], "CREATE TYPE " + r[0] + " AS (" + (r[1] == null ? "" : r[1]) + ")");
        }
        for (String[] r : rows(live, SEQUENCES, 8)) {
            w.run("sequence", r[0], "CREATE SEQUENCE " + r[0] + " AS " + r[1] + " INCREMENT BY " + r[5]
                    + " MINVALUE " + r[3] + " MAXVALUE " + r[4] + " START WITH " + r[2] + " CACHE " + r[7]
                    + ("t".equals(r[6]) ? " CYCLE" : " NO CYCLE"));
        }
        List<String> defaults = copyTables(live, w);
        List<String[]> functions = rows(live, FUNCTIONS, 3);
        List<Pending> routines = new ArrayList<>();
        for (String[] r : functions) {
            if (r[2] == null) {
                w.skip("aggregate", r[0], "aggregates are not copied; create it in the shadow by a migration "
                        + "if a pending release needs it");
            } else {
                routines.add(new Pending("p".equals(r[1]) ? "procedure" : "function", r[0], r[2]));
            }
        }
        w.untilStable(routines);
        for (String d : defaults) {
            w.run("default", d.substring(0, d.indexOf('\n')), d.substring(d.indexOf('\n') + 1));
        }
        for (String[] r : rows(live, CONSTRAINTS, 4)) {
            w.run(switch (r[2]) {
                case "p" -> "primary key";
                case "u" -> "unique constraint";
                case "f" -> "foreign key";
                case "x" -> "exclusion constraint";
                default -> "check constraint";
            }, r[1] + " on " + r[0], "ALTER TABLE " + r[0] + " ADD CONSTRAINT " + r[1] + " " + r[3]);
        }
        List<Pending> views = new ArrayList<>();
        for (String[] r : rows(live, VIEWS, 4)) {
            boolean mat = "m".equals(r[1]);
            String def = r[2].strip();
            if (def.endsWith(";")) {
                def = def.substring(0, def.length() - 1);
            }
            views.add(new Pending(mat ? "materialized view" : "view", r[0], "CREATE " + (mat ? "MATERIALIZED " : "")
                    + "VIEW " + r[0] + (r[3] != null && !r[3].isEmpty() ? " WITH (" + r[3] + ")" : "") + " AS " + def
                    + (mat ? " WITH NO DATA" : "")));
        }
        w.untilStable(views);
        for (String[] r : rows(live, INDEXES, 2)) {
            w.run("index", r[0], r[1]);
        }
        for (String[] r : rows(live, TRIGGERS, 3)) {
            w.run("trigger", r[0], r[1]);
        }
        for (String[] r : rows(live, OWNED_SEQUENCES, 2)) {
            w.quietly("ALTER SEQUENCE " + r[0] + " OWNED BY " + r[1]);
        }
    }

    private void copyExtensions(Connection live, Connection shadow, Writer w) throws SQLException {
        Map<String, Boolean> available = new TreeMap<>();
        try (Statement st = shadow.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pg_available_extensions")) {
            while (rs.next()) {
                available.put(rs.getString(1), true);
            }
        }
        for (String[] r : rows(live, EXTENSIONS, 2)) {
            if (!available.containsKey(r[0])) {
                w.skip("extension", r[0], "the shadow PostgreSQL does not ship it; objects that use it fail to copy "
                        + "and are listed here too (verify on a --shadow-url server that has it)");
                continue;
            }
            if (!"public".equals(r[1])) {
                w.quietly("CREATE SCHEMA IF NOT EXISTS " + r[1]);
            }
            w.run("extension", r[0], "CREATE EXTENSION IF NOT EXISTS " + quoteIdent(r[0]) + " SCHEMA " + r[1]);
        }
    }

    /** Creates every table; returns the column defaults to set once functions exist ("name\nsql"). */
    private List<String> copyTables(Connection live, Writer w) throws SQLException {
        Map<Long, List<String[]>> columns = new LinkedHashMap<>();
        for (String[] r : rows(live, COLUMNS, 9)) {
            columns.computeIfAbsent(Long.parseLong(r[0]), k -> new ArrayList<>()).add(r);
        }
        List<String> defaults = new ArrayList<>();
        for (String[] t : rows(live, TABLES, 8)) {
            String name = t[1];
            List<String[]> cols = columns.getOrDefault(Long.parseLong(t[0]), List.of());
            String prefix = "u".equals(t[3]) ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ";
            StringBuilder sql = new StringBuilder(prefix).append(name);
            if ("t".equals(t[4])) {
                String parent = t[7];
                sql.append(" PARTITION OF ").append(parent).append(' ').append(t[6]);
                if (t[5] != null) {
                    sql.append(" PARTITION BY ").append(t[5]);
                }
                w.run("table", name, sql.toString());
                continue;
            }
            List<String> defs = new ArrayList<>();
            for (String[] c : cols) {
                if (!"t".equals(c[7])) {
                    continue; // inherited from a parent table
                }
                StringBuilder col = new StringBuilder(c[1]).append(' ').append(c[2]);
                if (c[8] != null) {
                    col.append(" COLLATE ").append(c[8]);
                }
                if ("s".equals(c[5]) && c[6] != null) {
                    col.append(" GENERATED ALWAYS AS (").append(c[6]).append(") STORED");
                } else if ("a".equals(c[4]) || "d".equals(c[4])) {
                    col.append(" GENERATED ").append("a".equals(c[4]) ? "ALWAYS" : "BY DEFAULT").append(" AS IDENTITY");
                } else if (c[6] != null) {
                    defaults.add(name + "." + c[1] + "\nALTER TABLE " + name + " ALTER COLUMN " + c[1]
                            + " SET DEFAULT " + c[6]);
                }
                if ("t".equals(c[3])) {
                    col.append(" NOT NULL");
                }
                defs.add(col.toString());
            }
            sql.append(" (").append(String.join(", ", defs)).append(')');
            if (t[7] != null) {
                sql.append(" INHERITS (").append(t[7]).append(')');
            }
            if (t[5] != null) {
                sql.append(" PARTITION BY ").append(t[5]);
            }
            w.run("table", name, sql.toString());
        }
        return defaults;
    }

    @Override
    public Map<String, Long> rowEstimates(Connection live) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Statement st = live.createStatement(); ResultSet rs = st.executeQuery(ROW_ESTIMATES)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static List<String[]> rows(Connection c, String sql, int width) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    /** One object still to create, retried while its dependencies are missing. */
    record Pending(String kind, String name, String sql) {
    }

    /** Runs DDL on the shadow, counting what was created and naming what was not. */
    static final class Writer {
        final Connection shadow;
        private final boolean savepoints;
        final Map<String, Integer> counts = new TreeMap<>();
        final List<String> notCopied = new ArrayList<>();

        /** {@code savepoints}: the shadow connection is in a transaction; each statement gets a savepoint. */
        Writer(Connection shadow, boolean savepoints) {
            this.shadow = shadow;
            this.savepoints = savepoints;
        }

        boolean run(String kind, String name, String sql) {
            try {
                execute(sql);
                counts.merge(kind, 1, Integer::sum);
                return true;
            } catch (SQLException e) {
                skip(kind, name, firstLine(e.getMessage()));
                return false;
            }
        }

        void skip(String kind, String name, String why) {
            notCopied.add(kind + " " + name + ": " + why);
        }

        void quietly(String sql) {
            try {
                execute(sql);
            } catch (SQLException e) {
                // Best effort (ownership links); the objects themselves were copied or reported.
            }
        }

        /** Creates objects that may depend on each other: failures are retried while others succeed. */
        void untilStable(List<Pending> todo) {
            List<Pending> left = new ArrayList<>(todo);
            Map<Pending, String> errors = new LinkedHashMap<>();
            boolean progress = true;
            while (!left.isEmpty() && progress) {
                progress = false;
                List<Pending> next = new ArrayList<>();
                for (Pending p : left) {
                    try {
                        execute(p.sql());
                        counts.merge(p.kind(), 1, Integer::sum);
                        errors.remove(p);
                        progress = true;
                    } catch (SQLException e) {
                        errors.put(p, firstLine(e.getMessage()));
                        next.add(p);
                    }
                }
                left = next;
            }
            for (Pending p : left) {
                skip(p.kind(), p.name(), errors.get(p));
            }
        }

        private void execute(String sql) throws SQLException {
            try (Statement st = shadow.createStatement()) {
                st.setEscapeProcessing(false);
                if (!savepoints) {
                    st.execute(sql);
                    return;
                }
                st.execute("SAVEPOINT bellows_copy");
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    st.execute("ROLLBACK TO SAVEPOINT bellows_copy");
                    throw e;
                }
                st.execute("RELEASE SAVEPOINT bellows_copy");
            }
        }

        static String firstLine(String message) {
            if (message == null) {
                return "failed";
            }
            int nl = message.indexOf('\n');
            return nl < 0 ? message : message.substring(0, nl);
        }
    }
}
