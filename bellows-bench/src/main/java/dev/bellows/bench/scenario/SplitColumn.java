package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.AppRelease;

import java.util.List;
import java.util.Map;

/** Release 2.0 stores {@code people.name} as {@code first_name} and {@code last_name}. */
final class SplitColumn implements Scenario {

    @Override
    public String id() {
        return "split-column";
    }

    @Override
    public String title() {
        return "split one column into two (people.name -> first_name, last_name)";
    }

    @Override
    public Map<String, String> release10(Target t) {
        return Map.of("1.0/expand/001_create_people.sql", t == Target.POSTGRESQL
                ? "CREATE TABLE people (id bigserial PRIMARY KEY, name varchar(200), visits integer NOT NULL DEFAULT 0);"
                : "CREATE TABLE people (id bigint AUTO_INCREMENT PRIMARY KEY, name varchar(200), "
                + "visits int NOT NULL DEFAULT 0) ENGINE=InnoDB;");
    }

    @Override
    public List<String> seed(Target t, long rows) {
        return List.of("INSERT INTO people (name) SELECT concat('Ada', n, ' Lovelace', n % 100) FROM " + t.series(rows));
    }

    @Override
    public AppRelease oldRelease() {
        return Sql.app("1.0", (c, r, max) -> {
            int kind = r.nextInt(100);
            long id = Sql.id(r, max);
            if (kind < 15) {
                Sql.update(c, "INSERT INTO people (name) VALUES (?)", "Old" + r.nextInt(1_000) + " Person" + r.nextInt(9));
            } else if (kind < 35) {
                Sql.update(c, "UPDATE people SET visits = visits + 1 WHERE id = ?", id);
            } else if (kind < 45) {
                Sql.update(c, "UPDATE people SET name = ? WHERE id = ?", "Renamed" + id + " Person" + r.nextInt(9), id);
            } else {
                Sql.read(c, "SELECT id, name, visits FROM people WHERE id = ?", id);
            }
        });
    }

    @Override
    public AppRelease newRelease() {
        return Sql.app("2.0", (c, r, max) -> {
            int kind = r.nextInt(100);
            long id = Sql.id(r, max);
            if (kind < 15) {
                Sql.update(c, "INSERT INTO people (first_name, last_name) VALUES (?, ?)", "New" + r.nextInt(1_000),
                        "Person" + r.nextInt(9));
            } else if (kind < 35) {
                Sql.update(c, "UPDATE people SET visits = visits + 1 WHERE id = ?", id);
            } else if (kind < 45) {
                Sql.update(c, "UPDATE people SET first_name = ?, last_name = ? WHERE id = ?", "Changed" + id,
                        "Person" + r.nextInt(9), id);
            } else {
                Sql.read(c, "SELECT id, first_name, last_name, visits FROM people WHERE id = ?", id);
            }
        });
    }

    @Override
    public Map<String, String> release20(Target t) {
        if (t == Target.POSTGRESQL) {
            return Map.of(
                    "2.0/expand/001_add_first_last_name.sql", """
                            -- Two new columns kept in step with name in both directions while 1.0 and 2.0 both write.
                            ALTER TABLE people ADD COLUMN first_name varchar(100), ADD COLUMN last_name varchar(100);
                            CREATE FUNCTION people_sync_names() RETURNS trigger LANGUAGE plpgsql AS $$
                            BEGIN
                                IF TG_OP = 'UPDATE' AND (NEW.first_name IS DISTINCT FROM OLD.first_name
                                                         OR NEW.last_name IS DISTINCT FROM OLD.last_name) THEN
                                    NEW.name := concat_ws(' ', NEW.first_name, NEW.last_name);       -- 2.0 wrote
                                ELSIF TG_OP = 'INSERT' AND NEW.name IS NULL THEN
                                    NEW.name := concat_ws(' ', NEW.first_name, NEW.last_name);       -- 2.0 wrote
                                ELSIF TG_OP = 'INSERT' OR NEW.name IS DISTINCT FROM OLD.name THEN
                                    NEW.first_name := split_part(NEW.name, ' ', 1);                  -- 1.0 wrote
                                    NEW.last_name := substr(NEW.name, length(split_part(NEW.name, ' ', 1)) + 2);
                                END IF;
                                RETURN NEW;
                            END;
                            $$;
                            CREATE TRIGGER people_sync_names BEFORE INSERT OR UPDATE ON people
                                FOR EACH ROW EXECUTE FUNCTION people_sync_names();
                            """,
                    "2.0/migrate/001_backfill_names.sql", """
                            -- bellows:keyed table=people key=id
                            UPDATE people SET first_name = split_part(name, ' ', 1),
                                              last_name = substr(name, length(split_part(name, ' ', 1)) + 2)
                            WHERE id >= :from AND id < :to AND first_name IS NULL AND name IS NOT NULL;
                            """,
                    "2.0/contract/001_drop_name.sql", """
                            DROP TRIGGER people_sync_names ON people;
                            DROP FUNCTION people_sync_names();
                            ALTER TABLE people DROP COLUMN name;
                            """);
        }
        return Map.of(
                "2.0/expand/001_add_first_last_name.sql", """
                        ALTER TABLE people ADD COLUMN first_name varchar(100) NULL, ADD COLUMN last_name varchar(100) NULL,
                            ALGORITHM=INSTANT;
                        DELIMITER //
                        CREATE TRIGGER people_sync_names_ins BEFORE INSERT ON people FOR EACH ROW
                        BEGIN
                            IF NEW.name IS NULL THEN
                                SET NEW.name = CONCAT_WS(' ', NEW.first_name, NEW.last_name);
                            ELSE
                                SET NEW.first_name = SUBSTRING_INDEX(NEW.name, ' ', 1),
                                    NEW.last_name = SUBSTRING(NEW.name, LENGTH(SUBSTRING_INDEX(NEW.name, ' ', 1)) + 2);
                            END IF;
                        END//
                        CREATE TRIGGER people_sync_names_upd BEFORE UPDATE ON people FOR EACH ROW
                        BEGIN
                            IF NOT (NEW.first_name <=> OLD.first_name) OR NOT (NEW.last_name <=> OLD.last_name) THEN
                                SET NEW.name = CONCAT_WS(' ', NEW.first_name, NEW.last_name);
                            ELSEIF NOT (NEW.name <=> OLD.name) THEN
                                SET NEW.first_name = SUBSTRING_INDEX(NEW.name, ' ', 1),
                                    NEW.last_name = SUBSTRING(NEW.name, LENGTH(SUBSTRING_INDEX(NEW.name, ' ', 1)) + 2);
                            END IF;
                        END//
                        DELIMITER ;
                        """,
                "2.0/migrate/001_backfill_names.sql", """
                        -- bellows:keyed table=people key=id
                        UPDATE people SET first_name = SUBSTRING_INDEX(name, ' ', 1),
                                          last_name = SUBSTRING(name, LENGTH(SUBSTRING_INDEX(name, ' ', 1)) + 2)
                        WHERE id >= :from AND id < :to AND first_name IS NULL AND name IS NOT NULL;
                        """,
                "2.0/contract/001_drop_name.sql", """
                        DROP TRIGGER people_sync_names_ins;
                        DROP TRIGGER people_sync_names_upd;
                        ALTER TABLE people DROP COLUMN name, ALGORITHM=INSTANT;
                        """);
    }

    @Override
    public List<String> naive(Target t) {
        return t == Target.POSTGRESQL
                ? List.of("ALTER TABLE people ADD COLUMN first_name varchar(100), ADD COLUMN last_name varchar(100)",
                "UPDATE people SET first_name = split_part(name, ' ', 1), "
                        + "last_name = substr(name, length(split_part(name, ' ', 1)) + 2)",
                "ALTER TABLE people DROP COLUMN name")
                : List.of("ALTER TABLE people ADD COLUMN first_name varchar(100), ADD COLUMN last_name varchar(100)",
                "UPDATE people SET first_name = SUBSTRING_INDEX(name, ' ', 1), "
                        + "last_name = SUBSTRING(name, LENGTH(SUBSTRING_INDEX(name, ' ', 1)) + 2)",
                "ALTER TABLE people DROP COLUMN name");
    }

    @Override
    public String check(Target t) {
        return "SELECT count(*) FROM people WHERE first_name IS NULL OR last_name IS NULL";
    }
}
