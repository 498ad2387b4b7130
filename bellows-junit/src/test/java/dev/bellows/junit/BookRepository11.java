package dev.bellows.junit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Release 1.1's data access code of the bookshop example: the code that must survive the rollout of 1.2. */
final class BookRepository11 {

    private final DataSource dataSource;

    BookRepository11(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long add(String title, String isbn) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO books (title, isbn) VALUES (?, ?) RETURNING id")) {
            st.setString(1, title);
            st.setString(2, isbn);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Optional<String> titleOf(String isbn) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT title FROM books WHERE isbn = ?")) {
            st.setString(1, isbn);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
