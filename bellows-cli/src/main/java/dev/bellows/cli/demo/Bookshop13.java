package dev.bellows.cli.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;

/**
 * Release 1.3: {@code subtitle} renamed to {@code tagline}, {@code stock} (integer) replaced by
 * {@code stock_count} (bigint), and titles listed by the new {@code sort_title}. It runs from the
 * moment expand 1.3 is done, so it copes with rows the backfill has not reached yet (null sort_title).
 */
public final class Bookshop13 implements AppRelease {

    static final String INSERT = "INSERT INTO titles (title, sort_title, stock_count, isbn, tagline) "
            + "VALUES (?, lower(?), ?, ?, ?)";
    static final String UPDATE_STOCK = "UPDATE titles SET stock_count = ? WHERE id = ?";
    static final String UPDATE_TAGLINE = "UPDATE titles SET tagline = ? WHERE id = ?";
    static final String SELECT = "SELECT id, title, sort_title, stock_count, isbn, tagline FROM titles WHERE id = ?";
    static final String LIST = "SELECT id, title FROM titles WHERE sort_title >= ? ORDER BY sort_title LIMIT 10";

    @Override
    public String name() {
        return "1.3";
    }

    @Override
    public void request(Connection c, Random r, long maxId) throws SQLException {
        int kind = r.nextInt(100);
        long id = 1 + (long) (r.nextDouble() * maxId);
        if (kind < 20) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                int n = r.nextInt(1_000_000);
                ps.setString(1, "New title " + n);
                ps.setString(2, "New title " + n);
                ps.setLong(3, n % 40);
                ps.setString(4, "ISBN-N" + n);
                ps.setString(5, n % 2 == 0 ? "Now in paperback" : null);
                ps.executeUpdate();
            }
        } else if (kind < 35) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE_STOCK)) {
                ps.setLong(1, r.nextInt(100));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        } else if (kind < 45) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE_TAGLINE)) {
                ps.setString(1, "Tagline " + r.nextInt(100));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        } else if (kind < 85) {
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(3);
                        rs.getLong(4);
                        rs.getString(6);
                    }
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(LIST)) {
                ps.setString(1, "title " + r.nextInt(50_000));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
            }
        }
    }
}
