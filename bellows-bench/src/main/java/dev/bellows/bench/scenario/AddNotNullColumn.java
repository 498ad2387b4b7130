package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.AppRelease;

import java.util.List;
import java.util.Map;

/**
 * Release 2.0 stores each account's e-mail domain in a new NOT NULL column, filled for the existing
 * rows. Release 1.0 keeps inserting accounts without it during the rollout.
 */
final class AddNotNullColumn implements Scenario {

    @Override
    public String id() {
        return "add-not-null-column";
    }

    @Override
    public String title() {
        return "add a NOT NULL column with backfill (accounts.email_domain)";
    }

    private static String domain(Target t, String email) {
        return t == Target.POSTGRESQL ? "split_part(" + email + ", '@', 2)" : "SUBSTRING_INDEX(" + email + ", '@', -1)";
    }

    @Override
    public Map<String, String> release10(Target t) {
        return Map.of("1.0/expand/001_create_accounts.sql", t == Target.POSTGRESQL
                ? "CREATE TABLE accounts (id bigserial PRIMARY KEY, email varchar(200) NOT NULL, "
                + "visits integer NOT NULL DEFAULT 0);"
                : "CREATE TABLE accounts (id bigint AUTO_INCREMENT PRIMARY KEY, email varchar(200) NOT NULL, "
                + "visits int NOT NULL DEFAULT 0) ENGINE=InnoDB;");
    }

    @Override
    public List<String> seed(Target t, long rows) {
        return List.of("INSERT INTO accounts (email) SELECT concat('user', n, '@host', n % 100, '.example') FROM "
                + t.series(rows));
    }

    @Override
    public AppRelease oldRelease() {
        return Sql.app("1.0", (c, r, max) -> {
            int kind = r.nextInt(100);
            long id = Sql.id(r, max);
            if (kind < 15) {
                Sql.update(c, "INSERT INTO accounts (email) VALUES (?)", "new" + r.nextInt(1_000_000) + "@old.example");
            } else if (kind < 40) {
                Sql.update(c, "UPDATE accounts SET visits = visits + 1 WHERE id = ?", id);
            } else if (kind < 45) {
                Sql.update(c, "UPDATE accounts SET email = ? WHERE id = ?", "moved" + id + "@old" + r.nextInt(9)
                        + ".example", id);
            } else {
                Sql.read(c, "SELECT id, email, visits FROM accounts WHERE id = ?", id);
            }
        });
    }

    @Override
    public AppRelease newRelease() {
        return Sql.app("2.0", (c, r, max) -> {
            int kind = r.nextInt(100);
            long id = Sql.id(r, max);
            if (kind < 15) {
                Sql.update(c, "INSERT INTO accounts (email, email_domain) VALUES (?, ?)",
                        "new" + r.nextInt(1_000_000) + "@new.example", "new.example");
            } else if (kind < 40) {
                Sql.update(c, "UPDATE accounts SET visits = visits + 1 WHERE id = ?", id);
            } else if (kind < 45) {
                int d = r.nextInt(9);
                Sql.update(c, "UPDATE accounts SET email = ?, email_domain = ? WHERE id = ?",
                        "moved" + id + "@new" + d + ".example", "new" + d + ".example", id);
            } else {
                Sql.read(c, "SELECT id, email, email_domain, visits FROM accounts WHERE id = ?", id);
            }
        });
    }

    @Override
    public Map<String, String> release20(Target t) {
        if (t == Target.POSTGRESQL) {
            return Map.of(
                    "2.0/expand/001_add_email_domain.sql", """
                            ALTER TABLE accounts ADD COLUMN email_domain varchar(200);
                            CREATE FUNCTION accounts_fill_email_domain() RETURNS trigger LANGUAGE plpgsql AS $$
                            BEGIN
                                IF TG_OP = 'INSERT' THEN
                                    NEW.email_domain := coalesce(NEW.email_domain, split_part(NEW.email, '@', 2));
                                ELSIF NEW.email IS DISTINCT FROM OLD.email
                                      AND NEW.email_domain IS NOT DISTINCT FROM OLD.email_domain THEN
                                    NEW.email_domain := split_part(NEW.email, '@', 2);
                                END IF;
                                RETURN NEW;
                            END;
                            $$;
                            CREATE TRIGGER accounts_fill_email_domain BEFORE INSERT OR UPDATE ON accounts
                                FOR EACH ROW EXECUTE FUNCTION accounts_fill_email_domain();
                            """,
                    "2.0/migrate/001_backfill_email_domain.sql", """
                            -- bellows:keyed table=accounts key=id
                            UPDATE accounts SET email_domain = split_part(email, '@', 2)
                            WHERE id >= :from AND id < :to AND email_domain IS NULL;
                            """,
                    "2.0/contract/001_email_domain_not_null.sql", """
                            DROP TRIGGER accounts_fill_email_domain ON accounts;
                            DROP FUNCTION accounts_fill_email_domain();
                            ALTER TABLE accounts ADD CONSTRAINT accounts_email_domain_nn CHECK (email_domain IS NOT NULL) NOT VALID;
                            """,
                    "2.0/contract/002_validate.sql", """
                            ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_domain_nn;
                            """,
                    "2.0/contract/003_set_not_null.sql", """
                            -- The validated CHECK lets SET NOT NULL skip its scan (PostgreSQL 12+).
                            ALTER TABLE accounts ALTER COLUMN email_domain SET NOT NULL;
                            ALTER TABLE accounts DROP CONSTRAINT accounts_email_domain_nn;
                            """);
        }
        return Map.of(
                "2.0/expand/001_add_email_domain.sql", """
                        ALTER TABLE accounts ADD COLUMN email_domain varchar(200) NULL, ALGORITHM=INSTANT;
                        CREATE TRIGGER accounts_fill_email_domain_ins BEFORE INSERT ON accounts FOR EACH ROW
                            SET NEW.email_domain = COALESCE(NEW.email_domain, SUBSTRING_INDEX(NEW.email, '@', -1));
                        CREATE TRIGGER accounts_fill_email_domain_upd BEFORE UPDATE ON accounts FOR EACH ROW
                            SET NEW.email_domain = IF(NOT (NEW.email <=> OLD.email) AND NEW.email_domain <=> OLD.email_domain,
                                                      SUBSTRING_INDEX(NEW.email, '@', -1), NEW.email_domain);
                        """,
                "2.0/migrate/001_backfill_email_domain.sql", """
                        -- bellows:keyed table=accounts key=id
                        UPDATE accounts SET email_domain = SUBSTRING_INDEX(email, '@', -1)
                        WHERE id >= :from AND id < :to AND email_domain IS NULL;
                        """,
                "2.0/contract/001_email_domain_not_null.sql", """
                        DROP TRIGGER accounts_fill_email_domain_ins;
                        DROP TRIGGER accounts_fill_email_domain_upd;
                        -- In place, concurrent DML allowed (strict SQL mode): no table copy, no write lock.
                        ALTER TABLE accounts MODIFY email_domain varchar(200) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
                        """);
    }

    @Override
    public List<String> naive(Target t) {
        return t == Target.POSTGRESQL
                ? List.of("ALTER TABLE accounts ADD COLUMN email_domain varchar(200)",
                "UPDATE accounts SET email_domain = " + domain(t, "email"),
                "ALTER TABLE accounts ALTER COLUMN email_domain SET NOT NULL")
                : List.of("ALTER TABLE accounts ADD COLUMN email_domain varchar(200)",
                "UPDATE accounts SET email_domain = " + domain(t, "email"),
                "ALTER TABLE accounts MODIFY email_domain varchar(200) NOT NULL");
    }

    @Override
    public String check(Target t) {
        return "SELECT count(*) FROM accounts WHERE email_domain IS NULL OR email_domain <> " + domain(t, "email");
    }
}
