package dev.bellows.verify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How to open connections to the shadow database. The password is never printed. */
record ShadowConnector(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(dev.bellows.db.ConnectionSettings.driverUrl(url), user, password);
    }

    @Override
    public String toString() {
        return url;
    }
}
