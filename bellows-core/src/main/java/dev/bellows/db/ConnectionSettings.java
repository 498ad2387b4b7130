package dev.bellows.db;

import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where the target database is: a URL with user and password, or an application's {@link DataSource}
 * (its pool) with the URL it connects to (for the dialect and messages). {@link #toString()} never
 * shows the password.
 *
 * @param dataSource the pool to borrow connections from, or null to open them with {@link DriverManager}
 */
public record ConnectionSettings(String url, String user, String password, DataSource dataSource) {

    public ConnectionSettings {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("no database URL: pass --url jdbc:postgresql://HOST/DB, set BELLOWS_URL, "
                    + "or put url: in bellows.yaml");
        }
    }

    public ConnectionSettings(String url, String user, String password) {
        this(url, user, password, null);
    }

    /**
     * An application's pool; {@code url} is the JDBC URL its connections report
     * ({@code connection.getMetaData().getURL()}).
     */
    public static ConnectionSettings of(DataSource dataSource, String url) {
        if (dataSource == null) {
            throw new ConfigurationException("no DataSource given: pass the application's connection pool");
        }
        return new ConnectionSettings(url, null, null, dataSource);
    }

    /** Whether connections are borrowed from a pool, which gets them back with the session settings reset. */
    public boolean pooled() {
        return dataSource != null;
    }

    public Dialect dialect() {
        return Dialect.forUrl(url);
    }

    public Connection connect() {
        return connect("CLI: --url --user --password or BELLOWS_URL, BELLOWS_USER, BELLOWS_PASSWORD; Maven: "
                + "bellows.url, bellows.user, bellows.password");
    }

    /**
     * A connection with the dialect's connect and login timeouts (unless the URL sets them); a failure
     * says where the URL, user and password were given ({@code givenBy}, e.g. the options of the
     * command that connects). The password is never part of the message.
     */
    public Connection connect(String givenBy) {
        if (dataSource != null) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new DatabaseException("cannot get a connection to " + safeUrl() + " from the application's "
                        + "DataSource: " + e.getMessage() + "; check the application's datasource settings", e);
            }
        }
        java.util.Properties props = new java.util.Properties();
        Map<String, String> defaults = dialect().connectionDefaults();
        defaults.forEach((k, v) -> {
            if (!url.toLowerCase(java.util.Locale.ROOT).contains(k.toLowerCase(java.util.Locale.ROOT) + "=")) {
                props.setProperty(k, v);
            }
        });
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(driverUrl(url), props);
        } catch (SQLException e) {
            String timeouts = defaults.isEmpty() ? "" : " (Bellows waits at most " + String.join(", ",
                    defaults.entrySet().stream().filter(x -> x.getKey().endsWith("Timeout"))
                            .map(x -> x.getKey() + "=" + x.getValue() + " s").sorted().toList())
                    + " unless the URL sets them, e.g. ?loginTimeout=60)";
            throw new DatabaseException("cannot connect to " + safeUrl() + (user == null ? "" : " as " + user) + ": "
                    + redact(e.getMessage()) + timeouts + "; check the URL, user and password given to Bellows (" + givenBy
                    + ")", e);
        }
    }

    /** {@code text} with the password (and any password= value of the URL) masked. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "***");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)password=([^&;]*)").matcher(url);
        while (m.find()) {
            if (!m.group(1).isEmpty()) {
                out = out.replace(m.group(1), "***");
            }
        }
        return out;
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
