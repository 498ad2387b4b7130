package dev.bellows.bench.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;

import dev.bellows.cli.demo.AppRelease;

/** The few JDBC calls the scenarios' application requests make. */
final class Sql {

    private Sql() {
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Runs a query and reads every column of every row; returns the number of rows. */
    static int read(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    /** Runs a query returning one number (e.g. {@code INSERT … RETURNING id}). */
    static long one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no row from: " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    /** One release of a scenario's application. */
    static AppRelease app(String name, Request request) {
        return new AppRelease() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void request(Connection c, Random random, long maxId) throws SQLException {
                request.run(c, random, maxId);
            }
        };
    }

    /** A random id in 1..maxId. */
    static long id(Random r, long maxId) {
        return 1 + (long) (r.nextDouble() * maxId);
    }

    /** What one request of a release does. */
    interface Request {
        void run(Connection c, Random r, long maxId) throws SQLException;
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
