package dev.bellows.example.legacy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * A shelf of books whose schema Flyway built up to release 1.9 ({@code db/migration}, V1 and V2) and Bellows
 * continues from release 2.0 ({@code db/migrations}). At startup the starter hands the Flyway history to the real
 * Flyway ({@code spring.bellows.legacy.*}), which applies whatever of it is pending, then expands 2.0.
 */
@SpringBootApplication
@RestController
public class ShelfApplication {

    private final JdbcTemplate jdbc;

    public ShelfApplication(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the columns of every era: V1's title, V2's author, release 2.0's isbn. */
    @GetMapping("/shelf")
    public Map<String, Object> shelf() {
        return Map.of("books", jdbc.queryForList("SELECT id, title, author, isbn FROM shelf_books ORDER BY id"));
    }

    public static void main(String[] args) {
        SpringApplication.run(ShelfApplication.class, args);
    }
}
