package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.AppRelease;

import java.util.List;
import java.util.Map;

/**
 * Release 2.0 lets the database enforce that every post has an author: a foreign key on data that
 * already exists (and that both releases keep valid).
 */
final class AddForeignKey implements Scenario {

    @Override
    public String id() {
        return "add-foreign-key";
    }

    @Override
    public String title() {
        return "add a foreign key (posts.author_id -> authors)";
    }

    @Override
    public Map<String, String> release10(Target t) {
        return Map.of("1.0/expand/001_create_authors_posts.sql", t == Target.POSTGRESQL
                ? """
                CREATE TABLE authors (id bigserial PRIMARY KEY, name varchar(200) NOT NULL);
                CREATE TABLE posts (id bigserial PRIMARY KEY, author_id bigint NOT NULL, title varchar(200) NOT NULL,
                                    likes integer NOT NULL DEFAULT 0);
                CREATE INDEX posts_author_id_idx ON posts (author_id);
                """
                : """
                CREATE TABLE authors (id bigint AUTO_INCREMENT PRIMARY KEY, name varchar(200) NOT NULL) ENGINE=InnoDB;
                CREATE TABLE posts (id bigint AUTO_INCREMENT PRIMARY KEY, author_id bigint NOT NULL,
                                    title varchar(200) NOT NULL, likes int NOT NULL DEFAULT 0,
                                    INDEX posts_author_id_idx (author_id)) ENGINE=InnoDB;
                """);
    }

    @Override
    public List<String> seed(Target t, long rows) {
        long authors = Math.max(1, rows / 10);
        return List.of("INSERT INTO authors (name) SELECT concat('Author ', n) FROM " + t.series(authors),
                "INSERT INTO posts (author_id, title) SELECT 1 + n % " + authors + ", concat('Post ', n) FROM "
                        + t.series(rows));
    }

    @Override
    public AppRelease oldRelease() {
        return app("1.0");
    }

    @Override
    public AppRelease newRelease() {
        return app("2.0");
    }

    /** Both releases send the same statements; 2.0 relies on the database to refuse orphans. */
    private static AppRelease app(String release) {
        return Sql.app(release, (c, r, max) -> {
            int kind = r.nextInt(100);
            long id = Sql.id(r, max);
            long author = 1 + (long) (r.nextDouble() * Math.max(1, max / 10));
            if (kind < 15) {
                Sql.update(c, "INSERT INTO posts (author_id, title) VALUES (?, ?)", author, "New post " + r.nextInt(1_000));
            } else if (kind < 40) {
                Sql.update(c, "UPDATE posts SET likes = likes + 1 WHERE id = ?", id);
            } else if (kind < 45) {
                Sql.update(c, "UPDATE authors SET name = ? WHERE id = ?", "Renamed " + author, author);
            } else {
                Sql.read(c, "SELECT p.id, p.title, a.name FROM posts p JOIN authors a ON a.id = p.author_id "
                        + "WHERE p.id = ?", id);
            }
        });
    }

    @Override
    public Map<String, String> release20(Target t) {
        if (t == Target.POSTGRESQL) {
            return Map.of(
                    "2.0/contract/001_posts_author_fk.sql", """
                            -- NOT VALID: checked for new writes from now on, without scanning posts under the lock.
                            ALTER TABLE posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id)
                                REFERENCES authors (id) NOT VALID;
                            """,
                    "2.0/contract/002_validate_posts_author_fk.sql", """
                            -- Its own transaction: VALIDATE scans under SHARE UPDATE EXCLUSIVE, reads and writes go on.
                            ALTER TABLE posts VALIDATE CONSTRAINT posts_author_id_fkey;
                            """);
        }
        return Map.of(
                "2.0/migrate/001_no_orphans.sql", """
                        -- Data first: remove what would violate the key (nothing, when both releases behave).
                        DELETE FROM posts WHERE author_id NOT IN (SELECT id FROM authors);
                        """,
                "2.0/contract/001_posts_author_fk.sql", """
                        -- With foreign_key_checks off InnoDB adds the key in place, without copying posts or
                        -- blocking writes; the migrate step made sure no row violates it.
                        SET SESSION foreign_key_checks = 0;
                        ALTER TABLE posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id)
                            REFERENCES authors (id), ALGORITHM=INPLACE, LOCK=NONE;
                        SET SESSION foreign_key_checks = 1;
                        """);
    }

    @Override
    public List<String> naive(Target t) {
        return List.of("ALTER TABLE posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) "
                + "REFERENCES authors (id)");
    }

    @Override
    public String check(Target t) {
        // 1 (wrong) until the key exists, and every post must have its author
        String schema = t == Target.POSTGRESQL ? "current_schema()" : "DATABASE()";
        return "SELECT (SELECT count(*) FROM posts WHERE author_id NOT IN (SELECT id FROM authors)) + "
                + "(1 - (SELECT count(*) FROM information_schema.table_constraints WHERE table_schema = " + schema
                + " AND constraint_name = 'posts_author_id_fkey' AND constraint_type = 'FOREIGN KEY'))";
    }
}
