package dev.bellows.db;

import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the target database is. {@link #toString()} never shows the password. */
public record ConnectionSettings(String url, String user, String password) {

    public ConnectionSettings {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("no database URL: pass --url jdbc:postgresql://HOST/DB, set BELLOWS_URL, "
                    + "or put url: in bellows.yaml");
        }
    }

    public Dialect dialect() {
        return Dialect.forUrl(url);
    }

    public Connection connect() {
        try {
            return DriverManager.getConnection(driverUrl(url), user, password);
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to " + safeUrl() + (user == null ? "" : " as " + user) + ": "
                    + e.getMessage() + "; check the URL, user and password given to Bellows (CLI: --url --user --password "
                    + "or BELLOWS_URL, BELLOWS_USER, BELLOWS_PASSWORD; Maven: bellows.url, bellows.user, bellows.password)", e);
        }
    }

    /**
     * The URL as the JDBC driver takes it: MariaDB Connector/J, which serves MySQL too, accepts
     * {@code jdbc:mysql:} only with {@code permitMysqlScheme}.
     */
    public static String driverUrl(String url) {
        if (url.regionMatches(true, 0, "jdbc:mysql:", 0, 11) && !url.toLowerCase(java.util.Locale.ROOT)
                .contains("permitmysqlscheme")) {
            return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return url;
    }

    /** The URL with any password parameter masked, for messages. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return safeUrl() + (user == null ? "" : " as " + user) + (password == null || password.isEmpty() ? "" : " (password set)");
    }
}
