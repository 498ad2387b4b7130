package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.AppRelease;

import java.util.List;
import java.util.Map;

/**
 * Release 2.0 needs {@code orders.id} (an int primary key, referenced by {@code order_lines.order_id})
 * to be a bigint. Both releases send the same statements; only the column types change underneath.
 */
final class ChangeKeyType implements Scenario {

    @Override
    public String id() {
        return "change-key-type";
    }

    @Override
    public String title() {
        return "int -> bigint on a primary key referenced by a foreign key (orders.id, order_lines.order_id)";
    }

    @Override
    public Map<String, String> release10(Target t) {
        if (t == Target.MARIADB) {
            return Map.of("1.0/expand/001_create_orders.sql", """
                    CREATE TABLE orders (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, customer varchar(100) NOT NULL,
                                         total int NOT NULL DEFAULT 0) ENGINE=InnoDB;
                    CREATE TABLE order_lines (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id int NOT NULL,
                                              qty int NOT NULL, INDEX order_lines_order_id_idx (order_id),
                                              CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id)
                                                  REFERENCES orders (id)) ENGINE=InnoDB;
                    """);
        }
        return Map.of("1.0/expand/001_create_orders.sql", """
                CREATE TABLE orders (id serial PRIMARY KEY, customer varchar(100) NOT NULL, total integer NOT NULL DEFAULT 0);
                CREATE TABLE order_lines (id bigserial PRIMARY KEY, order_id integer NOT NULL REFERENCES orders (id),
                                          qty integer NOT NULL);
                CREATE INDEX order_lines_order_id_idx ON order_lines (order_id);
                """);
    }

    @Override
    public List<String> seed(Target t, long rows) {
        return List.of("INSERT INTO orders (customer) SELECT concat('Customer ', n % 1000) FROM " + t.series(rows),
                "INSERT INTO order_lines (order_id, qty) SELECT n, 1 + n % 5 FROM " + t.series(rows));
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
            if (kind < 10) {
                long order = Sql.one(c, "INSERT INTO orders (customer) VALUES (?) RETURNING id", "New " + r.nextInt(1_000));
                Sql.update(c, "INSERT INTO order_lines (order_id, qty) VALUES (?, ?)", order, 1 + r.nextInt(5));
            } else if (kind < 35) {
                Sql.update(c, "UPDATE order_lines SET qty = qty + 1 WHERE id = ?", id);
            } else if (kind < 50) {
                Sql.update(c, "UPDATE orders SET total = total + 1 WHERE id = ?", id);
            } else {
                Sql.read(c, "SELECT o.id, o.total, l.qty FROM orders o JOIN order_lines l ON l.order_id = o.id "
                        + "WHERE o.id = ?", id);
            }
        });
    }

    @Override
    public Map<String, String> release20(Target t) {
        if (t == Target.MARIADB) {
            return mariadb();
        }
        return Map.of(
                "2.0/expand/001_bigint_shadow_columns.sql", """
                        -- ALTER ... TYPE bigint would rewrite both tables under ACCESS EXCLUSIVE locks. Instead: new
                        -- bigint columns, kept equal to the old ones by triggers, swapped in by contract.
                        ALTER TABLE orders ADD COLUMN id_new bigint;
                        ALTER TABLE order_lines ADD COLUMN order_id_new bigint;
                        CREATE FUNCTION orders_copy_id() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN NEW.id_new := NEW.id; RETURN NEW; END;
                        $$;
                        CREATE TRIGGER orders_copy_id BEFORE INSERT OR UPDATE ON orders
                            FOR EACH ROW EXECUTE FUNCTION orders_copy_id();
                        CREATE FUNCTION order_lines_copy_order_id() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN NEW.order_id_new := NEW.order_id; RETURN NEW; END;
                        $$;
                        CREATE TRIGGER order_lines_copy_order_id BEFORE INSERT OR UPDATE ON order_lines
                            FOR EACH ROW EXECUTE FUNCTION order_lines_copy_order_id();
                        """,
                "2.0/migrate/001_backfill_orders.sql", """
                        -- bellows:keyed table=orders key=id
                        UPDATE orders SET id_new = id WHERE id >= :from AND id < :to AND id_new IS NULL;
                        """,
                "2.0/migrate/002_backfill_order_lines.sql", """
                        -- bellows:keyed table=order_lines key=id
                        UPDATE order_lines SET order_id_new = order_id WHERE id >= :from AND id < :to AND order_id_new IS NULL;
                        """,
                "2.0/contract/001_orders_id_new_index.sql", """
                        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_id_new_key ON orders (id_new);
                        """,
                "2.0/contract/002_order_lines_order_id_new_index.sql", """
                        CREATE INDEX CONCURRENTLY IF NOT EXISTS order_lines_order_id_new_idx ON order_lines (order_id_new);
                        """,
                "2.0/contract/003_not_null_checks.sql", """
                        ALTER TABLE orders ADD CONSTRAINT orders_id_new_nn CHECK (id_new IS NOT NULL) NOT VALID;
                        ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_id_new_nn CHECK (order_id_new IS NOT NULL) NOT VALID;
                        """,
                "2.0/contract/004_validate_not_null_checks.sql", """
                        ALTER TABLE orders VALIDATE CONSTRAINT orders_id_new_nn;
                        ALTER TABLE order_lines VALIDATE CONSTRAINT order_lines_order_id_new_nn;
                        """,
                "2.0/contract/005_swap_columns.sql", """
                        -- One short transaction of catalog changes: every index it needs is built, every NOT NULL
                        -- proven by a validated CHECK, the foreign key comes back NOT VALID (006 validates it).
                        LOCK TABLE orders, order_lines IN ACCESS EXCLUSIVE MODE;
                        DROP TRIGGER orders_copy_id ON orders;
                        DROP FUNCTION orders_copy_id();
                        DROP TRIGGER order_lines_copy_order_id ON order_lines;
                        DROP FUNCTION order_lines_copy_order_id();
                        ALTER TABLE order_lines DROP CONSTRAINT order_lines_order_id_fkey;
                        ALTER TABLE orders DROP CONSTRAINT orders_pkey;
                        ALTER SEQUENCE orders_id_seq OWNED BY NONE;
                        ALTER TABLE orders ALTER COLUMN id_new SET NOT NULL;
                        ALTER TABLE orders ALTER COLUMN id_new SET DEFAULT nextval('orders_id_seq');
                        ALTER TABLE orders DROP COLUMN id;
                        ALTER TABLE orders RENAME COLUMN id_new TO id;
                        ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_new_key;
                        ALTER TABLE orders DROP CONSTRAINT orders_id_new_nn;
                        ALTER SEQUENCE orders_id_seq AS bigint OWNED BY orders.id;
                        ALTER TABLE order_lines ALTER COLUMN order_id_new SET NOT NULL;
                        ALTER TABLE order_lines DROP COLUMN order_id;
                        ALTER TABLE order_lines RENAME COLUMN order_id_new TO order_id;
                        ALTER TABLE order_lines DROP CONSTRAINT order_lines_order_id_new_nn;
                        ALTER INDEX order_lines_order_id_new_idx RENAME TO order_lines_order_id_idx;
                        ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id)
                            REFERENCES orders (id) NOT VALID;
                        """,
                "2.0/contract/006_validate_fk.sql", """
                        ALTER TABLE order_lines VALIDATE CONSTRAINT order_lines_order_id_fkey;
                        """);
    }

    /**
     * InnoDB changes int to bigint only by copying the table while writes wait, so the Bellows way on
     * MariaDB is the one pt-online-schema-change and gh-ost take: shadow tables with the new types, kept
     * up to date by triggers, filled in keyed batches, swapped in by one atomic RENAME TABLE. The batches
     * fill the shadow through the triggers themselves (see 001_copy_orders.sql for why).
     */
    private static Map<String, String> mariadb() {
        return Map.of(
                "2.0/expand/001_bigint_shadow_tables.sql", """
                        -- No foreign key on the shadow: a trigger may copy a line before the backfill copied its order.
                        CREATE TABLE orders_new (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
                                                 customer varchar(100) NOT NULL, total int NOT NULL DEFAULT 0) ENGINE=InnoDB;
                        CREATE TABLE order_lines_new (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id bigint NOT NULL,
                                                      qty int NOT NULL, INDEX order_lines_order_id_idx (order_id)) ENGINE=InnoDB;
                        CREATE TRIGGER orders_copy_ins AFTER INSERT ON orders FOR EACH ROW
                            REPLACE INTO orders_new (id, customer, total) VALUES (NEW.id, NEW.customer, NEW.total);
                        CREATE TRIGGER orders_copy_upd AFTER UPDATE ON orders FOR EACH ROW
                            REPLACE INTO orders_new (id, customer, total) VALUES (NEW.id, NEW.customer, NEW.total);
                        CREATE TRIGGER orders_copy_del AFTER DELETE ON orders FOR EACH ROW
                            DELETE FROM orders_new WHERE id = OLD.id;
                        CREATE TRIGGER order_lines_copy_ins AFTER INSERT ON order_lines FOR EACH ROW
                            REPLACE INTO order_lines_new (id, order_id, qty) VALUES (NEW.id, NEW.order_id, NEW.qty);
                        CREATE TRIGGER order_lines_copy_upd AFTER UPDATE ON order_lines FOR EACH ROW
                            REPLACE INTO order_lines_new (id, order_id, qty) VALUES (NEW.id, NEW.order_id, NEW.qty);
                        CREATE TRIGGER order_lines_copy_del AFTER DELETE ON order_lines FOR EACH ROW
                            DELETE FROM order_lines_new WHERE id = OLD.id;
                        """,
                "2.0/migrate/001_copy_orders.sql", """
                        -- The copy goes through the same trigger as the application's writes: each batch touches
                        -- its rows (a no-op UPDATE still fires AFTER UPDATE), so every write locks the old row
                        -- first and its copy second, in one order. An INSERT ... SELECT into the shadow instead
                        -- holds the shadow's AUTO-INC table lock for the whole batch while it waits for rows a
                        -- trigger copied, and the trigger waits for that AUTO-INC lock: InnoDB deadlocks.
                        -- READ COMMITTED: record locks only, no gap locks that would hold up inserts.
                        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
                        -- bellows:keyed table=orders key=id
                        UPDATE orders SET total = total WHERE id >= :from AND id < :to;
                        SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ;
                        """,
                "2.0/migrate/002_copy_order_lines.sql", """
                        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
                        -- bellows:keyed table=order_lines key=id
                        UPDATE order_lines SET qty = qty WHERE id >= :from AND id < :to;
                        SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ;
                        """,
                "2.0/contract/001_swap_tables.sql", """
                        -- One atomic statement: every query sees either both old tables or both new ones.
                        RENAME TABLE orders TO orders_old, orders_new TO orders,
                                     order_lines TO order_lines_old, order_lines_new TO order_lines;
                        """,
                "2.0/contract/002_drop_old_tables.sql", """
                        DROP TRIGGER orders_copy_ins;
                        DROP TRIGGER orders_copy_upd;
                        DROP TRIGGER orders_copy_del;
                        DROP TRIGGER order_lines_copy_ins;
                        DROP TRIGGER order_lines_copy_upd;
                        DROP TRIGGER order_lines_copy_del;
                        DROP TABLE order_lines_old;
                        DROP TABLE orders_old;
                        """,
                "2.0/contract/003_order_lines_fk.sql", """
                        -- In place, without a validating scan (the copies came from rows the old key checked).
                        SET SESSION foreign_key_checks = 0;
                        ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id)
                            REFERENCES orders (id), ALGORITHM=INPLACE, LOCK=NONE;
                        SET SESSION foreign_key_checks = 1;
                        """);
    }

    @Override
    public List<String> naive(Target t) {
        if (t == Target.MARIADB) {
            // MariaDB refuses to change a column a foreign key uses (even with foreign_key_checks = 0):
            // drop the key, change both columns (each a table copy while writes wait), add the key back.
            return List.of("ALTER TABLE order_lines DROP FOREIGN KEY order_lines_order_id_fkey",
                    "ALTER TABLE orders MODIFY id bigint NOT NULL AUTO_INCREMENT",
                    "ALTER TABLE order_lines MODIFY order_id bigint NOT NULL",
                    "ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id) "
                            + "REFERENCES orders (id)");
        }
        return List.of("ALTER TABLE orders ALTER COLUMN id TYPE bigint",
                "ALTER TABLE order_lines ALTER COLUMN order_id TYPE bigint");
    }

    @Override
    public String check(Target t) {
        if (t == Target.MARIADB) {
            return "SELECT (SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() "
                    + "AND ((table_name = 'orders' AND column_name = 'id') OR (table_name = 'order_lines' "
                    + "AND column_name = 'order_id')) AND data_type <> 'bigint') "
                    + "+ (SELECT count(*) FROM order_lines l WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = l.order_id)) "
                    + "+ (1 - (SELECT count(*) FROM information_schema.table_constraints WHERE table_schema = DATABASE() "
                    + "AND constraint_name = 'order_lines_order_id_fkey' AND constraint_type = 'FOREIGN KEY')) "
                    + "+ (SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                    + "AND table_name IN ('orders_old', 'order_lines_old', 'orders_new', 'order_lines_new'))";
        }
        return "SELECT (SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND ((table_name = 'orders' AND column_name = 'id') OR (table_name = 'order_lines' "
                + "AND column_name = 'order_id')) AND data_type <> 'bigint') "
                + "+ (SELECT count(*) FROM order_lines l WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = l.order_id)) "
                + "+ (1 - (SELECT count(*) FROM pg_constraint WHERE conname = 'order_lines_order_id_fkey' AND convalidated))";
    }
}
