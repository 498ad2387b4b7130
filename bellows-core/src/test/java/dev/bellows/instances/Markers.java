package dev.bellows.instances;

import dev.bellows.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** Writes phase-completion marker rows into bellows_schema_history, as the runner does. */
final class Markers {

    private Markers() {
    }

    static void complete(TestDatabase db, String release, String phase) throws Exception {
        try (Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                for (String ddl : db.dialect().createHistoryTable(StartupGuard.HISTORY_TABLE)) {
                    st.execute(ddl);
                }
            }
            String sql = "INSERT INTO " + db.dialect().quote(StartupGuard.HISTORY_TABLE)
                    + " (migration, release_name, phase, file_name, checksum, statements_total, started_at, outcome,"
                    + " applied_by, host) VALUES (?, ?, ?, '', '', 0, CURRENT_TIMESTAMP, 'complete', 'test', 'test')";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, release + "/" + phase);
                ps.setString(2, release);
                ps.setString(3, phase);
                ps.executeUpdate();
            }
        }
    }

    /** expand complete up to {@code release} (markers for the release only: the guard reads the newest). */
    static void expanded(TestDatabase db, String release) throws Exception {
        complete(db, release, "expand");
    }
}
