package dev.bellows.instances;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Whether a table exists in the connection's current database and schema, without touching it. */
final class Tables {

    private Tables() {
    }

    static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = md.getTables(c.getCatalog(), null, name, new String[]{"TABLE"})) {
                while (rs.next()) {
                    String s = rs.getString("TABLE_SCHEM");
                    if (s == null || s.equals(schema)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
