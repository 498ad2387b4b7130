package dev.bellows.cli.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;

/** Release 1.2: table {@code titles} with {@code subtitle} and an integer {@code stock}. */
public final class Bookshop12 implements AppRelease {

    static final String INSERT = "INSERT INTO titles (title, stock, isbn, subtitle) VALUES (?, ?, ?, ?)";
    static final String UPDATE_STOCK = "UPDATE titles SET stock = ? WHERE id = ?";
    static final String UPDATE_SUBTITLE = "UPDATE titles SET subtitle = ? WHERE id = ?";
    static final String SELECT = "SELECT id, title, stock, isbn, subtitle FROM titles WHERE id = ?";

    @Override
    public String name() {
        return "1.2";
    }

    @Override
    public void request(Connection c, Random r, long maxId) throws SQLException {
        int kind = r.nextInt(100);
        long id = 1 + (long) (r.nextDouble() * maxId);
        if (kind < 20) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                int n = r.nextInt(1_000_000);
                ps.setString(1, "New title " + n);
                ps.setInt(2, n % 40);
                ps.setString(3, "ISBN-N" + n);
                ps.setString(4, n % 2 == 0 ? "Second edition" : null);
                ps.executeUpdate();
            }
        } else if (kind < 40) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE_STOCK)) {
                ps.setInt(1, r.nextInt(100));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        } else if (kind < 50) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE_SUBTITLE)) {
                ps.setString(1, "Revised " + r.nextInt(100));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getInt(3);
                        rs.getString(5);
                    }
                }
            }
        }
    }
}
