package dev.bellows.verify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellows.db.Dialect;
import dev.bellows.db.PostgresDialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL: catalog snapshots from {@code pg_catalog} keyed by OID (columns by table OID and
 * attribute number, so a rename is told apart from drop + add); locks from {@code pg_locks} of the
 * migration's own backend before COMMIT (sampled from a second connection for statements that run
 * outside a transaction); rewrites from {@code pg_class.relfilenode}; scans from
 * {@code pg_stat_xact_user_tables} inside the transaction.
 */
final class PostgresProbe implements ShadowProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PROPS = new TypeReference<>() {
    };

    /** User schemas only: no system catalogs, no TOAST or temporary schemas. */
    private static final String USER_NS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private static String notExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '" + catalog + "'::regclass "
                + "AND dep.objid = " + oid + " AND dep.deptype = 'e')";
    }

    private static String qname(String ns, String name) {
        return "CASE WHEN " + ns + " = 'public' THEN " + name + " ELSE " + ns + " || '.' || " + name + " END";
    }

    static final String SNAPSHOT = String.join("\nUNION ALL\n",
            // tables, views, sequences, indexes
            "SELECT 'rel:' || c.oid, CASE WHEN c.relkind IN ('r','p') THEN 'TABLE' WHEN c.relkind IN ('v','m') "
                    + "THEN 'VIEW' WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'INDEX' END, "
                    // an index belongs to its table, a sequence to the table that owns it (serial, identity,
                    // OWNED BY): dropping the table drops it too
                    + "CASE WHEN i.indrelid IS NOT NULL THEN 'rel:' || i.indrelid WHEN c.relkind = 'S' THEN "
                    + "(SELECT 'rel:' || dep.refobjid FROM pg_depend dep WHERE dep.classid = 'pg_class'::regclass "
                    + "AND dep.objid = c.oid AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i') "
                    + "LIMIT 1) END, "
                    + qname("n.nspname", "c.relname") + ", "
                    + "jsonb_strip_nulls(jsonb_build_object("
                    + "'definition', CASE WHEN c.relkind IN ('v','m') THEN pg_get_viewdef(c.oid) END, "
                    + "'parent', (SELECT " + qname("pn.nspname", "pc.relname") + " FROM pg_inherits inh "
                    + "JOIN pg_class pc ON pc.oid = inh.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace "
                    + "WHERE inh.inhrelid = c.oid AND c.relkind IN ('r','p') ORDER BY inh.inhseqno LIMIT 1), "
                    + "'valid', CASE WHEN i.indexrelid IS NOT NULL THEN i.indisvalid::text END, "
                    + "'unique', CASE WHEN i.indexrelid IS NOT NULL THEN i.indisunique::text END, "
                    + "'columns', CASE WHEN i.indexrelid IS NOT NULL THEN (SELECT string_agg("
                    + "pg_get_indexdef(c.oid, k, true), ', ' ORDER BY k) FROM generate_series(1, i.indnatts) k) END"
                    + "))::text "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "LEFT JOIN pg_index i ON i.indexrelid = c.oid "
                    + "WHERE c.relkind IN ('r','p','v','m','S','i','I') AND " + USER_NS + " AND "
                    + notExtension("pg_class", "c.oid"),
            // columns of tables and views
            "SELECT 'col:' || a.attrelid || ':' || a.attnum, 'COLUMN', 'rel:' || a.attrelid, "
                    + qname("n.nspname", "c.relname") + " || '.' || a.attname, "
                    + "jsonb_strip_nulls(jsonb_build_object('type', format_type(a.atttypid, a.atttypmod), "
                    + "'not null', a.attnotnull::text, 'default', pg_get_expr(d.adbin, d.adrelid), "
                    + "'identity', NULLIF(a.attidentity, ''), 'generated', NULLIF(a.attgenerated, '')))::text "
                    + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                    + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p','v','m') AND " + USER_NS
                    + " AND " + notExtension("pg_class", "c.oid"),
            // constraints of tables and domains
            "SELECT 'con:' || co.oid, 'CONSTRAINT', CASE WHEN co.conrelid <> 0 THEN 'rel:' || co.conrelid "
                    + "WHEN co.contypid <> 0 THEN 'type:' || co.contypid END, co.conname, "
                    + "jsonb_build_object('type', co.contype::text, 'validated', co.convalidated::text, "
                    + "'definition', pg_get_constraintdef(co.oid))::text "
                    + "FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace WHERE " + USER_NS,
            // functions and procedures
            "SELECT 'proc:' || p.oid, 'FUNCTION', NULL, " + qname("n.nspname", "p.proname")
                    + " || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
                    + "jsonb_build_object('returns', COALESCE(pg_get_function_result(p.oid), ''), "
                    + "'body', md5(COALESCE(p.prosrc, '')))::text "
                    + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_NS + " AND "
                    + notExtension("pg_proc", "p.oid"),
            // enum types and domains
            "SELECT 'type:' || t.oid, 'TYPE', NULL, " + qname("n.nspname", "t.typname") + ", "
                    + "jsonb_strip_nulls(jsonb_build_object('base', CASE WHEN t.typtype = 'd' THEN "
                    + "format_type(t.typbasetype, t.typtypmod) END, 'not null', CASE WHEN t.typtype = 'd' THEN "
                    + "t.typnotnull::text END))::text "
                    + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                    + "WHERE t.typtype IN ('e', 'd') AND " + USER_NS + " AND " + notExtension("pg_type", "t.oid"),
            // enum values
            "SELECT 'enum:' || e.oid, 'ENUM_VALUE', 'type:' || t.oid, "
                    + qname("n.nspname", "t.typname") + " || '.' || e.enumlabel, '{}' "
                    + "FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
                    + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + USER_NS,
            // triggers
            "SELECT 'trg:' || tg.oid, 'TRIGGER', 'rel:' || tg.tgrelid, tg.tgname, "
                    + "jsonb_build_object('enabled', tg.tgenabled::text, 'function', tg.tgfoid::regprocedure::text)::text "
                    + "FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT tg.tgisinternal AND " + USER_NS);

    /** Storage file of every user table, materialized view and index, with the table it belongs to. */
    static final String STORAGE = "SELECT 'rel:' || c.oid, c.relfilenode, c.relkind IN ('i','I'), "
            + "'rel:' || t.oid, " + qname("n.nspname", "c.relname") + ", " + qname("tn.nspname", "t.relname") + ", "
            + "quote_ident(tn.nspname) || '.' || quote_ident(t.relname) "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_index i ON i.indexrelid = c.oid "
            + "JOIN pg_class t ON t.oid = COALESCE(i.indrelid, c.oid) "
            + "JOIN pg_namespace tn ON tn.oid = t.relnamespace "
            + "WHERE c.relkind IN ('r','m','i') AND c.relfilenode <> 0 AND " + USER_NS;

    /** Locks on user tables held by a backend ({@code ?} = its pid). */
    static final String LOCKS = "SELECT 'rel:' || c.oid, l.mode, " + qname("n.nspname", "c.relname") + " "
            + "FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE l.locktype = 'relation' AND l.granted AND l.pid = {pid} AND c.relkind IN ('r','p','m') "
            + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND " + USER_NS;

    static final String SCANS = "SELECT 'rel:' || relid, seq_scan, seq_tup_read, "
            + qname("schemaname", "relname") + " FROM pg_stat_xact_user_tables";

    @Override
    public Dialect dialect() {
        return new PostgresDialect();
    }

    @Override
    public CatalogSnapshot snapshot(Connection c) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SNAPSHOT)) {
            while (rs.next()) {
                objects.add(new SchemaObject(rs.getString(1), ObjectKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), props(rs.getString(5))));
            }
        }
        return CatalogSnapshot.of(objects);
    }

    private static Map<String, String> props(String json) {
        try {
            return JSON.readValue(json, PROPS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unexpected catalog row " + json, e);
        }
    }

    @Override
    public String serverDescription(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1).split(" ")[0];
        }
    }

    @Override
    public List<String> fillTables(Connection c, int rows, List<PlannedForeignKey> planned) throws SQLException {
        return PostgresRowFiller.fill(c, rows, planned);
    }

    @Override
    public List<String> fillTables(Connection c, java.util.function.ToIntFunction<String> rowsOf,
                                   List<PlannedForeignKey> planned) throws SQLException {
        return PostgresRowFiller.fill(c, rowsOf, planned);
    }

    @Override
    public long removeGeneratedRows(Connection c) throws SQLException {
        return PostgresRowFiller.removeGenerated(c);
    }

    @Override
    public StatementProbe start(Connection c, boolean transactional, ShadowConnector connector) throws SQLException {
        Map<String, Storage> before = storage(c);
        if (transactional) {
            Map<String, long[]> scans = scans(c);
            return after -> new Effects(locks(after, "pg_backend_pid()"), rewrites(after, before),
                    scanned(after, scans));
        }
        LockSampler sampler = LockSampler.start(connector, backendPid(c));
        return after -> {
            Map<String, SeenLock> seen = sampler.stop();
            return new Effects(seen, rewrites(after, before), List.of());
        };
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Map<String, SeenLock> locks(Connection c, String pid) throws SQLException {
        Map<String, SeenLock> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(LOCKS.replace("{pid}", pid))) {
            while (rs.next()) {
                String rel = rs.getString(1);
                LockMode mode = LockMode.fromPostgres(rs.getString(2)).orElse(null);
                if (mode == null) {
                    continue;
                }
                SeenLock old = out.get(rel);
                if (old == null || mode.compareTo(old.mode()) > 0) {
                    out.put(rel, new SeenLock(rel, rs.getString(3), mode, -1));
                }
            }
        }
        return out;
    }

    private record Storage(long fileNode, boolean index, String table, String name, String tableName,
                           String qualifiedTable) {
    }

    private static Map<String, Storage> storage(Connection c) throws SQLException {
        Map<String, Storage> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(STORAGE)) {
            while (rs.next()) {
                out.put(rs.getString(1), new Storage(rs.getLong(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        return out;
    }

    private static List<StorageRewrite> rewrites(Connection c, Map<String, Storage> before) throws SQLException {
        Map<String, Storage> after = storage(c);
        List<StorageRewrite> out = new ArrayList<>();
        Map<String, Long> rows = new HashMap<>();
        for (Map.Entry<String, Storage> e : after.entrySet()) {
            Storage old = before.get(e.getKey());
            Storage now = e.getValue();
            if (old == null && now.index()) {
                // an index dropped and re-created under the same name on the same table in this
                // statement (ALTER COLUMN TYPE rebuilds the indexes on the column): rebuilt
                old = before.entrySet().stream()
                        .filter(b -> !after.containsKey(b.getKey()) && b.getValue().index()
                                && b.getValue().table().equals(now.table()) && b.getValue().name().equals(now.name()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (old != null && old.fileNode() != now.fileNode()) {
                long n = rows.containsKey(now.table()) ? rows.get(now.table()) : count(c, now.qualifiedTable());
                rows.put(now.table(), n);
                out.add(new StorageRewrite(e.getKey(), now.name(), now.table(), now.tableName(), now.index(), n));
            }
        }
        out.sort(java.util.Comparator.comparing(StorageRewrite::index).thenComparing(StorageRewrite::name));
        return out;
    }

    private static long count(Connection c, String qualifiedTable) {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + qualifiedTable)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static Map<String, long[]> scans(Connection c) throws SQLException {
        Map<String, long[]> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SCANS)) {
            while (rs.next()) {
                out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return out;
    }

    private static List<TableScan> scanned(Connection c, Map<String, long[]> before) throws SQLException {
        List<TableScan> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SCANS)) {
            while (rs.next()) {
                long[] old = before.getOrDefault(rs.getString(1), new long[2]);
                long scans = rs.getLong(2) - old[0];
                if (scans > 0) {
                    out.add(new TableScan(rs.getString(1), rs.getString(4), scans, rs.getLong(3) - old[1]));
                }
            }
        }
        return out;
    }
}
