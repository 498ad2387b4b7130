package dev.bellows.example.spring;

import dev.bellows.model.Release;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Release 1.2 keeps a book's ISBN in {@code code}; release 1.3 in {@code isbn} (added by expand 1.3 with a
 * trigger that keeps both columns in step while both releases write, backfilled by migrate 1.3; contract 1.3
 * drops the trigger and {@code code}). The same build plays either release
 * ({@code spring.bellows.release}), as two builds of the application would.
 */
@RestController
public class BooksController {

    private final JdbcTemplate jdbc;
    private final boolean usesIsbn;
    private final String release;

    public BooksController(JdbcTemplate jdbc, @Value("${spring.bellows.release}") String release) {
        this.jdbc = jdbc;
        this.release = release;
        this.usesIsbn = Release.of(release).compareTo(Release.of("1.3")) >= 0;
    }

    @GetMapping("/books/{id}")
    public Map<String, Object> book(@PathVariable long id) {
        String column = usesIsbn ? "isbn" : "code";
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, title, " + column + " AS isbn FROM books "
                + "WHERE id = ?", id);
        return rows.isEmpty() ? Map.of("release", release) : Map.of("release", release, "book", rows.get(0));
    }

    @GetMapping("/books/count")
    public Map<String, Object> count() {
        return Map.of("release", release, "books", jdbc.queryForObject("SELECT count(*) FROM books", Long.class));
    }

    @PostMapping("/books")
    public Map<String, Object> add(@RequestParam long id, @RequestParam String title, @RequestParam String isbn) {
        String column = usesIsbn ? "isbn" : "code";
        jdbc.update("INSERT INTO books (id, title, " + column + ") VALUES (?, ?, ?)", id, title, isbn);
        return Map.of("release", release, "added", title);
    }
}
