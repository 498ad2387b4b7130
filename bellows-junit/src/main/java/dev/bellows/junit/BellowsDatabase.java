package dev.bellows.junit;

import dev.bellows.db.ConnectionSettings;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * A throwaway database a phase hook positioned for a test: its JDBC URL and credentials, a
 * {@link DataSource} for the code under test, and a plain connection for assertions.
 */
public record BellowsDatabase(String url, String user, String password) {

    /** A non-pooling {@link DataSource} over this database; hand it to your repositories or DAOs. */
    public DataSource dataSource() {
        return new dev.bellows.db.DriverManagerDataSource(url, user, password);
    }

    /** A new connection; close it. */
    public Connection connect() {
        return settings().connect();
    }

    ConnectionSettings settings() {
        return new ConnectionSettings(url, user, password);
    }

    @Override
    public String toString() {
        return settings().toString();
    }
}
