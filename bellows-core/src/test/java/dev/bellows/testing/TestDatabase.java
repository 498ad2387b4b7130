package dev.bellows.testing;

import dev.bellows.db.Dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh, empty database on one of the embedded servers; one per test. */
public record TestDatabase(String kind, String url, String user, String password, Dialect dialect) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Runs statements on a fresh autocommit connection. */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** The first column of the first row of a query, or null. */
    public Object queryOne(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    public long count(String sql) throws SQLException {
        Object v = queryOne(sql);
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Override
    public String toString() {
        return kind;
    }
}
