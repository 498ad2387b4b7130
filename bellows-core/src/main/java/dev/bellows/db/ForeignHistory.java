package dev.bellows.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The history table of another migration tool found in a database Bellows has no history of.
 *
 * @param tool        who keeps that table (Flyway, Liquibase, golang-migrate / dbmate)
 * @param table       its name as the database spells it
 * @param lastApplied the last applied version (Flyway's version, Liquibase's changeset id), if the table has one
 */
public record ForeignHistory(String tool, String table, Optional<String> lastApplied) {

    /** The known tools' tables, in the order they are looked for, with the query of the last applied entry. */
    private enum Known {
        FLYWAY("Flyway", "flyway_schema_history",
                "SELECT version, description FROM %s WHERE success = TRUE AND version IS NOT NULL "
                        + "ORDER BY installed_rank DESC"),
        LIQUIBASE("Liquibase", "databasechangelog",
                "SELECT id, filename FROM %s ORDER BY orderexecuted DESC"),
        SCHEMA_MIGRATIONS("golang-migrate (or dbmate)", "schema_migrations",
                "SELECT version, NULL FROM %s ORDER BY version DESC");

        final String tool;
        final String table;
        final String lastQuery;

        Known(String tool, String table, String lastQuery) {
            this.tool = tool;
            this.table = table;
            this.lastQuery = lastQuery;
        }
    }

    static Optional<ForeignHistory> find(Connection c, Dialect dialect, List<String> tables) throws SQLException {
        for (Known k : Known.values()) {
            Optional<String> name = tables.stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(k.table)).findFirst();
            if (name.isEmpty()) {
                continue;
            }
            Optional<String> last;
            try (Statement st = c.createStatement()) {
                st.setMaxRows(1);
                try (ResultSet rs = st.executeQuery(String.format(Locale.ROOT, k.lastQuery, dialect.quote(name.get())))) {
                    last = rs.next() ? Optional.ofNullable(rs.getString(1)).map(v -> describe(v, rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                // A table of that name with other columns: name it without a version.
                last = Optional.empty();
            }
            return Optional.of(new ForeignHistory(k.tool, name.get(), last));
        }
        return Optional.empty();
    }

    private static String describe(String version, ResultSet rs) {
        try {
            String detail = rs.getString(2);
            return detail == null || detail.isBlank() ? version : version + " (" + detail + ")";
        } catch (SQLException e) {
            return version;
        }
    }

    /** {@code Flyway's history table flyway_schema_history (last applied version: 12 (add index))}. */
    public String describe() {
        return tool + "'s history table " + table + lastApplied.map(v -> " (last applied: " + v + ")").orElse(" (empty)");
    }
}
