package dev.bellows.verify;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A shadow database left open at a {@link Checkpoint} (e.g. after expand of 1.1), for tests that
 * run the previous release's code against it. Closing it stops an embedded shadow and deletes it;
 * a database given by URL is left as it is.
 */
public final class PositionedShadow implements AutoCloseable {

    private final Shadow shadow;
    private final VerifyReport report;

    PositionedShadow(Shadow shadow, VerifyReport report) {
        this.shadow = shadow;
        this.report = report;
    }

    /** The verification of every migration up to the checkpoint. */
    public VerifyReport report() {
        return report;
    }

    public String url() {
        return shadow.connector().url();
    }

    public String user() {
        return shadow.connector().user();
    }

    public String password() {
        return shadow.connector().password();
    }

    public Connection connect() throws SQLException {
        return shadow.connector().connect();
    }

    /** A DataSource on the shadow (a new connection per call), e.g. for the application's code under test. */
    public DataSource dataSource() {
        return new dev.bellows.db.DriverManagerDataSource(shadow.connector().url(), shadow.connector().user(),
                shadow.connector().password());
    }

    @Override
    public void close() {
        shadow.close();
    }
}
