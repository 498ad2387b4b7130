package dev.bellows.instances;

import dev.bellows.testing.TestDatabase;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;

/** Plain (non-pooling) DataSources of the test databases: every getConnection() opens a new one. */
final class TestDataSources {

    private TestDataSources() {
    }

    static DataSource of(TestDatabase db) {
        try {
            if (db.kind().equals("postgresql")) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(db.url());
                ds.setUser(db.user());
                ds.setPassword(db.password());
                return ds;
            }
            MariaDbDataSource ds = new MariaDbDataSource(db.url());
            ds.setUser(db.user());
            ds.setPassword(db.password());
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
