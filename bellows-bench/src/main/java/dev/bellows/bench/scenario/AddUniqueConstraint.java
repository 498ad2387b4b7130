package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.AppRelease;

import java.util.List;
import java.util.Map;

/** Release 2.0 lets the database enforce that user e-mails are unique, on a table full of users. */
final class AddUniqueConstraint implements Scenario {

    @Override
    public String id() {
        return "add-unique-constraint";
    }

    @Override
    public String title() {
        return "add a unique constraint on existing data (users.email)";
    }

    @Override
    public Map<String, String> release10(Target t) {
        return Map.of("1.0/expand/001_create_users.sql", t == Target.POSTGRESQL
                ? "CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(200) NOT NULL, logins integer NOT NULL DEFAULT 0);"
                : "CREATE TABLE users (id bigint AUTO_INCREMENT PRIMARY KEY, email varchar(200) NOT NULL, "
                + "logins int NOT NULL DEFAULT 0) ENGINE=InnoDB;");
    }

    @Override
    public List<String> seed(Target t, long rows) {
        return List.of("INSERT INTO users (email) SELECT concat('user', n, '@example.com') FROM " + t.series(rows));
    }

    @Override
    public AppRelease oldRelease() {
        return app("1.0");
    }

    @Override
    public AppRelease newRelease() {
        return app("2.0");
    }

    private static AppRelease app(String release) {
        return Sql.app(release, (c, r, max) -> {
            int kind = r.nextInt(100);
            long id = Sql.id(r, max);
            if (kind < 15) {
                Sql.update(c, "INSERT INTO users (email) VALUES (?)",
                        "new-" + release + "-" + Thread.currentThread().getName() + "-" + System.nanoTime() + "@example.com");
            } else if (kind < 40) {
                Sql.update(c, "UPDATE users SET logins = logins + 1 WHERE id = ?", id);
            } else {
                Sql.read(c, "SELECT id, email, logins FROM users WHERE id = ?", id);
            }
        });
    }

    @Override
    public Map<String, String> release20(Target t) {
        if (t == Target.POSTGRESQL) {
            return Map.of(
                    "2.0/contract/001_users_email_index.sql", """
                            -- Built without blocking writes (outside a transaction; a failed build is cleaned up on retry).
                            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);
                            """,
                    "2.0/contract/002_users_email_unique.sql", """
                            -- The constraint adopts the finished index: only a catalog change.
                            ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
                            """);
        }
        return Map.of(
                "2.0/contract/001_users_email_unique.sql", """
                        -- InnoDB builds a secondary unique index in place while reads and writes go on.
                        ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email), ALGORITHM=INPLACE, LOCK=NONE;
                        """);
    }

    @Override
    public List<String> naive(Target t) {
        return List.of("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)");
    }

    @Override
    public String check(Target t) {
        String schema = t == Target.POSTGRESQL ? "current_schema()" : "DATABASE()";
        return "SELECT 1 - count(*) FROM information_schema.table_constraints WHERE table_schema = " + schema
                + " AND constraint_name = 'users_email_key' AND constraint_type = 'UNIQUE'";
    }
}
