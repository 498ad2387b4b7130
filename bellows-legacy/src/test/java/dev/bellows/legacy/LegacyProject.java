package dev.bellows.legacy;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Release;
import dev.bellows.run.RunOptions;
import dev.bellows.run.Runner;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A project that moves to Bellows: its legacy history (Flyway folder or Liquibase changelog, "release 1.0") and
 * Bellows' release 1.1 after it (expand adds customers.phone, migrate fills it, contract drops customers.fax).
 */
final class LegacyProject {

    static final Map<String, String> PLACEHOLDERS = Map.of("mail_domain", "example.com");

    final Path root;

    LegacyProject(Path root) {
        this.root = root;
        new MigrationTree(root.resolve("db/migrations"))
                .file("1.1", "expand", "001_phone.sql", "ALTER TABLE customers ADD COLUMN phone varchar(40);\n")
                .file("1.1", "migrate", "001_fill_phone.sql", "-- bellows:keyed table=customers key=id\n"
                        + "UPDATE customers SET phone = 'unknown' WHERE id >= :from AND id < :to AND phone IS NULL;\n")
                .file("1.1", "contract", "001_drop_fax.sql", "ALTER TABLE customers DROP COLUMN fax;\n");
    }

    /** A Flyway folder with a placeholder, an afterMigrate callback, a subfolder and a repeatable view. */
    Path flyway() {
        Path dir = root.resolve("flyway");
        write(dir.resolve("V1__customers.sql"), "CREATE TABLE customers (id int PRIMARY KEY, "
                + "email varchar(200) DEFAULT 'someone@${mail_domain}', fax varchar(40));\n"
                + "INSERT INTO customers (id) VALUES (1), (2), (3);\n");
        write(dir.resolve("orders/V2__orders.sql"), "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, "
                + "total decimal(10,2));\n");
        write(dir.resolve("R__customer_emails.sql"), "CREATE OR REPLACE VIEW customer_emails AS "
                + "SELECT id, email FROM customers;\n");
        write(dir.resolve("afterMigrate.sql"), "CREATE TABLE IF NOT EXISTS app_settings (name varchar(50) PRIMARY KEY, "
                + "val varchar(200));\nDELETE FROM app_settings WHERE name = 'mail_domain';\n"
                + "INSERT INTO app_settings (name, val) VALUES ('mail_domain', '${mail_domain}');\n");
        return dir;
    }

    /** A Liquibase changelog with a changelog parameter and a changelog included from a subfolder. */
    Path liquibase() {
        write(root.resolve("liquibase/orders/orders-total.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                      http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="3" author="team">
                    <addColumn tableName="orders">
                      <column name="total" type="decimal(10,2)"/>
                    </addColumn>
                  </changeSet>
                </databaseChangeLog>
                """);
        Path file = root.resolve("liquibase/changelog.xml");
        write(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                      http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="1" author="team">
                    <sql>CREATE TABLE customers (id int PRIMARY KEY, email varchar(200) DEFAULT 'someone@${mail_domain}', fax varchar(40))</sql>
                    <sql>INSERT INTO customers (id) VALUES (1), (2), (3)</sql>
                  </changeSet>
                  <changeSet id="2" author="team">
                    <createTable tableName="orders">
                      <column name="id" type="int"><constraints primaryKey="true"/></column>
                      <column name="customer_id" type="int"><constraints nullable="false"/></column>
                    </createTable>
                  </changeSet>
                  <include file="orders/orders-total.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        return file;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Runner runner(TestDatabase db, Optional<LegacyConfig> legacy, Consumer<String> progress) {
        return new Runner(new ConnectionSettings(db.url(), db.user(), db.password()),
                MigrationLoader.load(root.resolve("db/migrations"), db.dialect().syntax()),
                RunOptions.defaults().withProgress(progress), legacy);
    }

    static LegacyConfig flywayConfig(Path dir) {
        return new LegacyConfig(LegacyConfig.FLYWAY, dir.toString(), Release.of("1.0"), PLACEHOLDERS);
    }

    static LegacyConfig liquibaseConfig(Path file) {
        return new LegacyConfig(LegacyConfig.LIQUIBASE, file.toString(), Release.of("1.0"), PLACEHOLDERS);
    }

    /**
     * The schema as the catalog describes it: every column (type, default, nullability) of every table and
     * view, the views' definitions, and the callback's data; Bellows' own tables left out.
     */
    static List<String> catalog(TestDatabase db) throws SQLException {
        boolean pg = db.dialect().id().equals("postgresql");
        String schema = pg ? "current_schema()" : "database()";
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT table_name, column_name, data_type, column_default, is_nullable "
                    + "FROM information_schema.columns WHERE table_schema = " + schema
                    + " AND table_name NOT LIKE 'bellows%' ORDER BY table_name, ordinal_position")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " default "
                            + rs.getString(4) + " null " + rs.getString(5));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT table_name, view_definition FROM information_schema.views "
                    + "WHERE table_schema = " + schema + " ORDER BY table_name")) {
                while (rs.next()) {
                    out.add("view " + rs.getString(1) + ": " + rs.getString(2).replace(db.url().replaceAll(".*/", ""), "DB"));
                }
            }
        }
        return out;
    }
}
