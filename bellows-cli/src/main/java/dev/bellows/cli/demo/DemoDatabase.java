package dev.bellows.cli.demo;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A demo database at release 1.2 of the bookshop (every phase of 1.0–1.2 applied by Bellows), with
 * {@code rows} titles in it.
 *
 * @param settings how to connect
 * @param maxId    the largest title id after seeding
 */
public record DemoDatabase(ConnectionSettings settings, long maxId, DemoFlavor flavor) {

    public static final Release OLD = Release.of("1.2");
    public static final Release NEW = Release.of("1.3");

    public static DemoDatabase atRelease12(ConnectionSettings settings, Path migrations, long rows, DemoFlavor flavor)
            throws SQLException {
        Bellows bellows = new Bellows(new BellowsConfig(migrations, settings, RunOptions.defaults()));
        for (Release release : bellows.migrations().releases()) {
            if (release.compareTo(OLD) <= 0) {
                for (Command command : List.of(Command.EXPAND, Command.MIGRATE, Command.CONTRACT)) {
                    bellows.run(command, release);
                }
            }
        }
        try (Connection c = settings.connect()) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate(flavor.seed(rows));
                st.execute(flavor.analyze());
                try (ResultSet rs = st.executeQuery("SELECT max(id) FROM titles")) {
                    rs.next();
                    return new DemoDatabase(settings, rs.getLong(1), flavor);
                }
            }
        }
    }

    /** How many rows break what release 1.3 expects once the upgrade is complete (should be 0). */
    public long inconsistentRowsAfterUpgrade() throws SQLException {
        try (Connection c = settings.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(flavor.inconsistentRows())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
