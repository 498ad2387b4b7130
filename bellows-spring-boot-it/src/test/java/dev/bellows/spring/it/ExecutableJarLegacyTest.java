package dev.bellows.spring.it;

import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shelf example ({@code examples/spring-shelf-legacy}): a Boot 3.5 application that used Flyway up to
 * release 1.9 and continues with Bellows, packaged as Boot's executable jar and started with {@code java -jar},
 * so both its Flyway history ({@code classpath:db/migration}) and its Bellows releases
 * ({@code classpath:db/migrations}) are read from {@code BOOT-INF/classes} of the jar, and the engines from jars
 * nested in it. Against a database that Flyway brought to V1 (as the application's former releases did), the
 * starter has the real Flyway apply the pending V2, records the baseline 1.9 and expands 2.0 before the
 * application serves; on PostgreSQL and MariaDB. The jar runs the Flyway that Boot 3.5's dependency management
 * puts in it (11.7.2), beside bellows-legacy built on Flyway 13. The same jar with Boot's own Liquibase left on is refused, naming the property to set.
 */
class ExecutableJarLegacyTest {

    private static final Path JAR = Path.of(System.getProperty("shelf.jar"));
    private static final Path HISTORY = Path.of(System.getProperty("shelf.flyway.dir"));

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void theJarAppliesThePendingFlywayEntriesThenTheBellowsReleaseFromItsNestedLocations(TestDatabase db)
            throws Exception {
        assertThat(entries(JAR)).as("an executable jar: migrations in BOOT-INF/classes, libraries nested")
                .contains("BOOT-INF/classes/db/migrations/2.0/expand/001_add_shelf_books_isbn.sql",
                        "BOOT-INF/classes/db/migration/V2__add_shelf_books_author.sql")
                .anyMatch(e -> e.startsWith("BOOT-INF/lib/bellows-legacy-"))
                .anyMatch(e -> e.startsWith("BOOT-INF/lib/flyway-core-"))
                .noneMatch(e -> e.startsWith("db/"));

        // what the application's former releases left: Boot's Flyway applied V1
        Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + HISTORY.toAbsolutePath())
                .placeholders(Map.of("first_title", "The Pragmatic Programmer"))
                .target("1").load().migrate();
        assertThat(flywayVersions(db)).containsExactly("1");

        BookshopApp app = BookshopApp.startJar(JAR, db, logs(), "shelf-2.0-" + db.kind(), List.of());
        try {
            assertThat(app.awaitReady(Duration.ofSeconds(90))).as("the jar starts:\n" + app.log()).isTrue();
            assertThat(flywayVersions(db)).as("Flyway applied the pending V2").containsExactly("1", "2");
            assertThat(db.queryOne("SELECT release_name FROM bellows_schema_history WHERE migration = 'baseline'"))
                    .as("the baseline recorded at the legacy release").isEqualTo("1.9");
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = "
                    + "'2.0/expand/001_add_shelf_books_isbn.sql'")).as("then Bellows expanded 2.0").isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM bellows_instances WHERE id = 'shelf-2.0-" + db.kind()
                    + "' AND release_name = '2.0'")).isEqualTo(1);

            HttpResponse<String> shelf = app.get("/shelf");
            assertThat(shelf.statusCode()).as(shelf.body()).isEqualTo(200);
            assertThat(shelf.body()).contains("The Pragmatic Programmer").contains("\"author\"").contains("\"isbn\"");
        } finally {
            app.stop();
            app.kill();
        }
        assertThat(db.count("SELECT count(*) FROM bellows_instances")).as("deregistered on shutdown").isZero();
    }

    @Test
    void bootsOwnLiquibaseBesideBellowsIsRefusedNamingThePropertyToSet() throws Exception {
        TestDatabase db = Databases.postgres();
        BookshopApp app = BookshopApp.startJar(JAR, db, logs(), "shelf-liquibase-on",
                List.of("--spring.liquibase.enabled=true"));
        try {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).as("refused:\n" + app.log()).isNotZero();
        } finally {
            app.kill();
        }
        assertThat(app.log()).contains("Boot's Liquibase migrations (set spring.liquibase.enabled=false)")
                .doesNotContain("Boot's Flyway migrations");
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('shelf_books', "
                + "'bellows_schema_history', 'flyway_schema_history', 'databasechangelog')")).as("nothing ran").isZero();
    }

    private static List<String> flywayVersions(TestDatabase db) throws Exception {
        try (var c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = true ORDER BY installed_rank")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static List<String> entries(Path jar) throws Exception {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    private static Path logs() throws Exception {
        return Files.createDirectories(Path.of(System.getProperty("it.logs"), "shelf-legacy"));
    }
}
