package dev.bellows.spring;

import dev.bellows.ConfigurationException;
import dev.bellows.instances.StartupRefusedException;
import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auto-configuration in a real Boot 3.5 application context on embedded PostgreSQL: ordering before
 * the beans that use the schema, the release setting, Boot's own Flyway refused, the health contributor.
 */
class BellowsAutoConfigurationTest {

    @TempDir
    Path dir;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        /** Reads the schema while the context starts: works only when Bellows expanded first. */
        @Bean
        BooksReader booksReader(JdbcTemplate jdbc) {
            return new BooksReader(jdbc.queryForObject("SELECT count(*) FROM books", Long.class));
        }
    }

    record BooksReader(long books) {
    }

    private ConfigurableApplicationContext start(TestDatabase db, String... extra) {
        new MigrationTree(dir)
                .file("1.2", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, code varchar(20));")
                .file("1.3", "expand", "001_isbn.sql", "ALTER TABLE books ADD isbn varchar(20);");
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.bellows.location=" + dir,
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    }

    @Test
    void expandsBeforeTheBeansThatUseTheSchemaAndDeregistersOnClose() throws Exception {
        TestDatabase db = Databases.postgres();
        try (ConfigurableApplicationContext ctx = start(db, "--spring.bellows.release=1.3",
                "--spring.flyway.enabled=false", "--spring.datasource.hikari.maximum-pool-size=1")) {
            assertThat(ctx.getBean(BooksReader.class).books()).isZero();
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.3/expand' "
                    + "AND outcome = 'complete'")).isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM bellows_instances WHERE release_name = '1.3'")).isEqualTo(1);
            Health health = ctx.getBean("bellowsHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("release", "1.3");
            assertThat(ctx.getBean(JdbcTemplate.class).queryForObject("SELECT current_setting('lock_timeout')",
                    String.class)).as("the pool's one connection came back without the migrator's lock timeout")
                    .isEqualTo("0");
        }
        assertThat(db.count("SELECT count(*) FROM bellows_instances")).as("deregistered on close").isZero();
    }

    @Test
    void vendorInTheLocationIsTheDatabaseAsBootNamesItForFlyway() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir.resolve("postgresql"))
                .file("1.2", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, code varchar(20));");
        new MigrationTree(dir.resolve("mariadb"))
                .file("1.2", "expand", "001_books.sql", "CREATE TABLE mariadb_books (id int PRIMARY KEY);");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--spring.bellows.location=" + dir + "/{vendor}", "--spring.bellows.release=1.2",
                        "--spring.flyway.enabled=false", "--spring.main.banner-mode=off")) {
            assertThat(ctx.getBean(BooksReader.class).books()).as("postgresql/1.2 ran before the reader").isZero();
        }
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'mariadb_books'"))
                .isZero();
        assertThat(BellowsMigrator.location("classpath:db/migrations/{vendor}", "MariaDB"))
                .isEqualTo("classpath:db/migrations/mariadb");
        assertThat(BellowsMigrator.location("classpath:db/migrations/{vendor}", "MySQL"))
                .isEqualTo("classpath:db/migrations/mysql");
        assertThat(BellowsMigrator.location("classpath:db/migrations", "PostgreSQL"))
                .isEqualTo("classpath:db/migrations");
    }

    @Test
    void withoutAReleasePropertyTheReleaseIsBuildInfosVersionWithoutSnapshot(@TempDir Path info) throws Exception {
        // build-info.properties as spring-boot-maven-plugin's build-info goal writes it for version 1.3-SNAPSHOT,
        // read by Boot's own ProjectInfoAutoConfiguration
        Path buildInfo = info.resolve("build-info.properties");
        java.nio.file.Files.writeString(buildInfo, "build.artifact=bookshop\nbuild.group=com.example\n"
                + "build.name=bookshop\nbuild.time=2026-12-07T12\\:00\\:00.000Z\nbuild.version=1.3-SNAPSHOT\n");
        TestDatabase db = Databases.postgres();
        try (ConfigurableApplicationContext ctx = start(db, "--spring.info.build.location=file:" + buildInfo,
                "--spring.flyway.enabled=false")) {
            assertThat(ctx.getBean(BellowsMigrator.class).release().name()).isEqualTo("1.3");
            assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.3/expand' "
                    + "AND outcome = 'complete'")).as("expanded up to build-info's release").isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM bellows_instances WHERE release_name = '1.3'")).isEqualTo(1);
        }
        TestDatabase other = Databases.postgres();
        try (ConfigurableApplicationContext ctx = start(other, "--spring.info.build.location=file:" + buildInfo,
                "--spring.bellows.release=1.2", "--spring.flyway.enabled=false")) {
            assertThat(ctx.getBean(BellowsMigrator.class).release().name()).as("the property wins").isEqualTo("1.2");
            assertThat(other.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.3/expand'"))
                    .isZero();
        }
    }

    @Test
    void aMissingReleaseSaysHowToSetIt() {
        TestDatabase db = Databases.postgres();
        assertThatThrownBy(() -> start(db, "--spring.flyway.enabled=false").close())
                .satisfies(e -> assertThat(root(e)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("set spring.bellows.release").hasMessageContaining("build-info"));
    }

    @Test
    void aLegacyHistoryIsHandedToItsEngineAndWithoutTheEngineStartupSaysWhatToAdd() throws Exception {
        TestDatabase db = Databases.postgres();
        assertThatThrownBy(() -> start(db, "--spring.bellows.release=1.3", "--spring.flyway.enabled=false",
                "--spring.bellows.legacy.flyway=classpath:db/migration", "--spring.bellows.legacy.release=1.0",
                "--spring.bellows.legacy.placeholders.mail_domain=example.com").close())
                .satisfies(e -> assertThat(root(e)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("no Flyway engine is on the class path")
                        .hasMessageContaining("dev.bellows:bellows-legacy"));
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'books'"))
                .as("nothing ran").isZero();
        assertThatThrownBy(() -> start(db, "--spring.bellows.release=1.3", "--spring.flyway.enabled=false",
                "--spring.bellows.legacy.flyway=classpath:db/migration").close())
                .satisfies(e -> assertThat(root(e)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("legacy.release"));
        assertThatThrownBy(() -> start(db, "--spring.bellows.release=1.3", "--spring.flyway.enabled=false",
                "--spring.bellows.legacy.flyway=classpath:db/migration",
                "--spring.bellows.legacy.liquibase=db/changelog.xml", "--spring.bellows.legacy.release=1.0").close())
                .satisfies(e -> assertThat(root(e)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("not both"));
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void bootsOwnFlywayBesideBellowsIsRefusedBeforeEitherRuns() throws Exception {
        TestDatabase db = Databases.postgres();
        assertThatThrownBy(() -> start(db, "--spring.bellows.release=1.3").close())
                .satisfies(e -> assertThat(root(e)).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("set spring.flyway.enabled=false"));
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                + "('books', 'bellows_schema_history', 'flyway_schema_history')")).as("nothing ran").isZero();
    }

    @Test
    void aReleaseWhoseExpandIsMissingIsRefusedOrDownInWarnMode() throws Exception {
        TestDatabase db = Databases.postgres();
        assertThatThrownBy(() -> start(db, "--spring.bellows.release=1.3", "--spring.bellows.startup=none",
                "--spring.flyway.enabled=false").close())
                .satisfies(e -> assertThat(root(e)).isInstanceOf(StartupRefusedException.class)
                        .hasMessageContaining("release 1.3 cannot start"));

        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(NoReader.class)
                .web(WebApplicationType.NONE).run("--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(), "--spring.bellows.location=" + dir,
                        "--spring.bellows.release=1.3", "--spring.bellows.startup=none",
                        "--spring.bellows.guard=warn", "--spring.flyway.enabled=false",
                        "--spring.main.banner-mode=off")) {
            Health health = ctx.getBean("bellowsHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason")).asString().contains("release 1.3 cannot start");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class NoReader {
    }
}
