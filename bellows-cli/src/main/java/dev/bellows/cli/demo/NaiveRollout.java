package dev.bellows.cli.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The same change the naive way: one migration that renames subtitle, changes stock's type in place,
 * adds and fills sort_title, in one transaction while the 1.2 instances run, then the same rolling
 * switch to 1.3.
 */
public final class NaiveRollout {

    private final DemoDatabase db;
    private final int instances;
    private final Timeline timeline;

    public NaiveRollout(DemoDatabase db, int instances, Timeline timeline) {
        this.db = db;
        this.instances = instances;
        this.timeline = timeline;
    }

    public Latencies run() throws InterruptedException, SQLException {
        Latencies latencies = new Latencies();
        Traffic traffic = new Traffic(instances, new Bookshop12(), new Bookshop13(), db.settings().url(),
                db.settings().user(), db.settings().password(), latencies, db.maxId());
        try {
            latencies.enter("1.2 only");
            traffic.startOld();
            timeline.event(instances + " instances of release 1.2 serving");
            Thread.sleep(1_000);

            latencies.enter("migration");
            timeline.event("one migration: rename subtitle, ALTER stock TYPE bigint, add and fill sort_title");
            long t0 = System.nanoTime();
            try (Connection c = db.settings().connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                for (String sql : db.flavor().naiveMigration()) {
                    st.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                timeline.event("  migration failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
            timeline.event("  migration done in " + (System.nanoTime() - t0) / 1_000_000 + " ms");

            latencies.enter("rollout");
            for (int i = 0; i < instances; i++) {
                int n = traffic.switchNext();
                timeline.event("instance " + n + " now runs release 1.3 (" + traffic.oldRunning() + " left on 1.2)");
                Thread.sleep(300);
            }

            latencies.enter("1.3 only");
            Thread.sleep(1_000);
        } finally {
            traffic.stopAll();
        }
        timeline.event("instances stopped");
        return latencies;
    }
}
