package dev.bellows.instances;

import dev.bellows.history.Actor;
import dev.bellows.history.HistoryTable;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.testing.TestDatabase;

import java.sql.Connection;

/** Writes phase-completion markers into bellows_schema_history through the runner's own HistoryTable. */
final class Markers {

    private Markers() {
    }

    static void complete(TestDatabase db, String release, String phase) throws Exception {
        HistoryTable history = new HistoryTable(db.dialect());
        try (Connection c = db.connect()) {
            if (!history.exists(c)) {
                history.create(c);
            }
            history.markComplete(c, Release.of(release), Phase.fromId(phase).orElseThrow(),
                    new Actor("test", "test-host"), null);
        }
    }

    static void expanded(TestDatabase db, String release) throws Exception {
        complete(db, release, "expand");
    }
}
