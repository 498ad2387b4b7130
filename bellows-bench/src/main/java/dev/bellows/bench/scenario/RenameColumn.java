package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.AppRelease;

import java.util.List;
import java.util.Map;

/** Release 2.0 calls {@code customers.fullname} {@code display_name}. */
final class RenameColumn implements Scenario {

    @Override
    public String id() {
        return "rename-column";
    }

    @Override
    public String title() {
        return "rename a column (customers.fullname -> display_name)";
    }

    @Override
    public Map<String, String> release10(Target t) {
        return Map.of("1.0/expand/001_create_customers.sql", t == Target.POSTGRESQL
                ? "CREATE TABLE customers (id bigserial PRIMARY KEY, fullname varchar(200), orders integer NOT NULL DEFAULT 0);"
                : "CREATE TABLE customers (id bigint AUTO_INCREMENT PRIMARY KEY, fullname varchar(200), "
                + "orders int NOT NULL DEFAULT 0) ENGINE=InnoDB;");
    }

    @Override
    public List<String> seed(Target t, long rows) {
        return List.of("INSERT INTO customers (fullname) SELECT concat('Customer ', n) FROM " + t.series(rows));
    }

    @Override
    public AppRelease oldRelease() {
        return app("1.0", "fullname");
    }

    @Override
    public AppRelease newRelease() {
        return app("2.0", "display_name");
    }

    private static AppRelease app(String release, String column) {
        return Sql.app(release, (c, r, max) -> {
            int kind = r.nextInt(100);
            long id = Sql.id(r, max);
            if (kind < 15) {
                Sql.update(c, "INSERT INTO customers (" + column + ") VALUES (?)", "New customer " + r.nextInt(1_000_000));
            } else if (kind < 35) {
                Sql.update(c, "UPDATE customers SET orders = orders + 1 WHERE id = ?", id);
            } else if (kind < 45) {
                Sql.update(c, "UPDATE customers SET " + column + " = ? WHERE id = ?", "Renamed " + id, id);
            } else {
                Sql.read(c, "SELECT id, " + column + ", orders FROM customers WHERE id = ?", id);
            }
        });
    }

    @Override
    public Map<String, String> release20(Target t) {
        if (t == Target.POSTGRESQL) {
            return Map.of(
                    "2.0/expand/001_add_display_name.sql", """
                            -- A new column kept equal to fullname in both directions while 1.0 and 2.0 both write.
                            ALTER TABLE customers ADD COLUMN display_name varchar(200);
                            CREATE FUNCTION customers_sync_display_name() RETURNS trigger LANGUAGE plpgsql AS $$
                            BEGIN
                                IF TG_OP = 'INSERT' THEN
                                    IF NEW.display_name IS NULL THEN
                                        NEW.display_name := NEW.fullname;
                                    ELSE
                                        NEW.fullname := NEW.display_name;
                                    END IF;
                                ELSIF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
                                    NEW.fullname := NEW.display_name;
                                ELSIF NEW.fullname IS DISTINCT FROM OLD.fullname THEN
                                    NEW.display_name := NEW.fullname;
                                END IF;
                                RETURN NEW;
                            END;
                            $$;
                            CREATE TRIGGER customers_sync_display_name BEFORE INSERT OR UPDATE ON customers
                                FOR EACH ROW EXECUTE FUNCTION customers_sync_display_name();
                            """,
                    "2.0/migrate/001_backfill_display_name.sql", """
                            -- bellows:keyed table=customers key=id
                            UPDATE customers SET display_name = fullname
                            WHERE id >= :from AND id < :to AND display_name IS NULL AND fullname IS NOT NULL;
                            """,
                    "2.0/contract/001_drop_fullname.sql", """
                            DROP TRIGGER customers_sync_display_name ON customers;
                            DROP FUNCTION customers_sync_display_name();
                            ALTER TABLE customers DROP COLUMN fullname;
                            """);
        }
        return Map.of(
                "2.0/expand/001_add_display_name.sql", """
                        ALTER TABLE customers ADD COLUMN display_name varchar(200) NULL, ALGORITHM=INSTANT;
                        CREATE TRIGGER customers_sync_display_name_ins BEFORE INSERT ON customers FOR EACH ROW
                            SET NEW.display_name = COALESCE(NEW.display_name, NEW.fullname),
                                NEW.fullname = NEW.display_name;
                        -- display_name changed (2.0 wrote it): copy it to fullname; otherwise follow fullname (1.0).
                        CREATE TRIGGER customers_sync_display_name_upd BEFORE UPDATE ON customers FOR EACH ROW
                            SET NEW.display_name = IF(NEW.display_name <=> OLD.display_name, NEW.fullname, NEW.display_name),
                                NEW.fullname = NEW.display_name;
                        """,
                "2.0/migrate/001_backfill_display_name.sql", """
                        -- bellows:keyed table=customers key=id
                        UPDATE customers SET display_name = fullname
                        WHERE id >= :from AND id < :to AND display_name IS NULL AND fullname IS NOT NULL;
                        """,
                "2.0/contract/001_drop_fullname.sql", """
                        DROP TRIGGER customers_sync_display_name_ins;
                        DROP TRIGGER customers_sync_display_name_upd;
                        ALTER TABLE customers DROP COLUMN fullname, ALGORITHM=INSTANT;
                        """);
    }

    @Override
    public List<String> naive(Target t) {
        return List.of("ALTER TABLE customers RENAME COLUMN fullname TO display_name");
    }

    @Override
    public String check(Target t) {
        return "SELECT count(*) FROM customers WHERE display_name IS NULL";
    }
}
