package dev.bellows.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * MySQL/MariaDB: the server's own {@code SHOW CREATE TABLE / VIEW / TRIGGER / FUNCTION / PROCEDURE}
 * of the live database's current schema, replayed in the shadow with foreign key checks off (so
 * tables come in any order) and without {@code DEFINER} clauses (the shadow's user becomes the
 * definer; the live accounts need not exist there). Views are retried until the views they read
 * exist. A routine whose body the live user may not see ({@code SHOW CREATE} returns no text
 * without the privilege) is named as not copied.
 */
final class MySqlSchemaCopier implements SchemaCopier {

    /** {@code DEFINER=`user`@`host`}, or a role without host ({@code DEFINER=`role`}, also empty). */
    private static final Pattern DEFINER = Pattern.compile("\\s*DEFINER\\s*=\\s*(`[^`]*`|'[^']*'|[^\\s@]+)"
            + "(@(`[^`]*`|'[^']*'|\\S+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECURITY = Pattern.compile("\\s*SQL SECURITY DEFINER", Pattern.CASE_INSENSITIVE);

    private static final String OBJECTS = "SELECT table_name, table_type FROM information_schema.tables "
            + "WHERE table_schema = database() AND table_name NOT LIKE 'bellows\\_%' ORDER BY create_time, table_name";

    @Override
    public void readOnly(Connection live) throws SQLException {
        try (Statement st = live.createStatement()) {
            st.execute("SET SESSION TRANSACTION READ ONLY");
        }
    }

    @Override
    public Copy copy(Connection live, Connection shadow) throws SQLException {
        PostgresSchemaCopier.Writer w = new PostgresSchemaCopier.Writer(shadow, false);
        String version;
        String database;
        try (Statement st = live.createStatement(); ResultSet rs = st.executeQuery("SELECT version(), database()")) {
            rs.next();
            version = rs.getString(1);
            database = rs.getString(2);
        }
        List<String> tables = new ArrayList<>();
        List<String> views = new ArrayList<>();
        for (String[] r : PostgresSchemaCopier.rows(live, OBJECTS, 2)) {
            ("VIEW".equalsIgnoreCase(r[1]) ? views : tables).add(r[0]);
        }
        try (Statement st = shadow.createStatement()) {
            st.execute("SET FOREIGN_KEY_CHECKS = 0");
        }
        try {
            for (String t : tables) {
                show(live, "SHOW CREATE TABLE " + quote(t), 2).ifPresentOrElse(
                        sql -> w.run("table", t, sql),
                        () -> w.skip("table", t, "SHOW CREATE TABLE returned nothing"));
            }
        } finally {
            try (Statement st = shadow.createStatement()) {
                st.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
        List<PostgresSchemaCopier.Pending> pendingViews = new ArrayList<>();
        String qualifier = quote(database) + ".";
        for (String v : views) {
            show(live, "SHOW CREATE VIEW " + quote(v), 2).ifPresent(sql -> pendingViews.add(
                    new PostgresSchemaCopier.Pending("view", v, withoutDefiner(sql).replace(qualifier, ""))));
        }
        w.untilStable(pendingViews);
        List<String[]> routines = new ArrayList<>();
        try (PreparedStatement ps = live.prepareStatement("SELECT routine_name, routine_type FROM "
                + "information_schema.routines WHERE routine_schema = database() ORDER BY created")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    routines.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] r : routines) {
            String kind = r[1].toLowerCase(java.util.Locale.ROOT);
            try {
                show(live, "SHOW CREATE " + r[1] + " " + quote(r[0]), 3).ifPresentOrElse(
                        sql -> w.run(kind, r[0], withoutDefiner(sql)),
                        () -> w.skip(kind, r[0], "the live user may not read its body (SHOW CREATE " + r[1]
                                + " returned no text); grant it SHOW_ROUTINE or SELECT on mysql.proc"));
            } catch (SQLException e) {
                w.skip(kind, r[0], PostgresSchemaCopier.Writer.firstLine(e.getMessage()));
            }
        }
        List<String> triggers = new ArrayList<>();
        try (Statement st = live.createStatement(); ResultSet rs = st.executeQuery("SELECT trigger_name FROM "
                + "information_schema.triggers WHERE trigger_schema = database() ORDER BY created, action_order")) {
            while (rs.next()) {
                triggers.add(rs.getString(1));
            }
        }
        for (String t : triggers) {
            show(live, "SHOW CREATE TRIGGER " + quote(t), 3).ifPresentOrElse(
                    sql -> w.run("trigger", t, withoutDefiner(sql)),
                    () -> w.skip("trigger", t, "SHOW CREATE TRIGGER returned nothing"));
        }
        return new Copy("SHOW CREATE of " + version, w.counts, w.notCopied);
    }

    @Override
    public Map<String, Long> rowEstimates(Connection live) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Statement st = live.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name, "
                + "coalesce(table_rows, 0) FROM information_schema.tables WHERE table_schema = database() "
                + "AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'bellows\\_%'")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    static String withoutDefiner(String sql) {
        return SECURITY.matcher(DEFINER.matcher(sql).replaceFirst("")).replaceFirst("");
    }

    private static java.util.Optional<String> show(Connection c, String sql, int column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? java.util.Optional.ofNullable(rs.getString(column)) : java.util.Optional.empty();
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
