package dev.bellows.cli;

import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.bellows.cli.CliTest.bellows;
import static org.assertj.core.api.Assertions.assertThat;

/** The password never shows: not in any error, output, JSON or history column, whichever way it was given. */
class SecretsTest {

    static final String SECRET = "Pa55-w0rd-never-shown";

    @TempDir
    Path dir;

    static void assertHidden(CliTest.Run r) {
        assertThat(r.out() + r.err()).as(r.out() + r.err()).doesNotContain(SECRET);
    }

    @Test
    void yamlSyntaxErrorsOnThePasswordLineDoNotQuoteIt() throws Exception {
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", "SELECT 1;");
        List<String> broken = List.of(
                "url: jdbc:postgresql://127.0.0.1:1/app\npassword: " + SECRET + ": x\n",
                "url: jdbc:postgresql://127.0.0.1:1/app\npassword: \"" + SECRET + "\n",
                "url: jdbc:postgresql://127.0.0.1:1/app\n\tpassword: " + SECRET + "\n",
                "url: jdbc:postgresql://127.0.0.1:1/app\npassword: [" + SECRET + "\n",
                "password: " + SECRET + "\npasword: " + SECRET + "\n");
        for (String yaml : broken) {
            Path file = Files.writeString(dir.resolve("bellows.yaml"), yaml);
            CliTest.Run r = bellows("status", "--config", file.toString(), "--location", dir.toString());
            assertThat(r.exit()).as(yaml).isEqualTo(2);
            assertThat(r.err()).as(yaml).contains("bellows.yaml: line");
            assertHidden(r);
        }
    }

    @Test
    void connectionErrorsHideThePasswordFromFlagsEnvironmentFileAndUrl() throws Exception {
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", "SELECT 1;");
        TestDatabase pg = Databases.postgres();
        TestDatabase maria = Databases.mariadb();
        Path yaml = Files.writeString(dir.resolve("bellows.yaml"), "password: " + SECRET + "\n");
        List<CliTest.Run> runs = List.of(
                // refused at once (nothing listens)
                bellows("status", "--url", "jdbc:postgresql://127.0.0.1:1/app", "--user", "app", "--password",
                        SECRET, "--location", dir.toString()),
                bellows(Map.of("BELLOWS_PASSWORD", SECRET), "status", "--url", "jdbc:mariadb://127.0.0.1:1/app",
                        "--user", "app", "--location", dir.toString()),
                bellows("status", "--url", "jdbc:postgresql://127.0.0.1:1/app?password=" + SECRET, "--location",
                        dir.toString()),
                bellows("status", "--config", yaml.toString(), "--url", "jdbc:postgresql://127.0.0.1:1/app",
                        "--location", dir.toString()),
                // a real server: an unknown database, and (MariaDB authenticates) a wrong password
                bellows("status", "--url", pg.url().replaceAll("/[^/?]+(\\?|$)", "/no_such_db$1"), "--user",
                        pg.user(), "--password", SECRET, "--location", dir.toString()),
                bellows("status", "--url", maria.url(), "--user", "root", "--password", SECRET, "--location",
                        dir.toString()),
                bellows("status", "--url", maria.url() + (maria.url().contains("?") ? "&" : "?") + "password="
                        + SECRET, "--user", "nobody", "--location", dir.toString()),
                // bad usage next to a password
                bellows("status", "--password", SECRET, "--lock-timeout", "soon", "--location", dir.toString()),
                bellows("status", "--password", SECRET, "--frobnicate"));
        for (CliTest.Run r : runs) {
            assertHidden(r);
        }
    }

    @Test
    void successfulCommandsJsonAndHistoryNeverHoldThePassword() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", "CREATE TABLE a (id int);")
                .file("1.0", "migrate", "001_b.sql", "UPDATE a SET id = id + 1 WHERE id < 0;");
        // The embedded server trusts local connections, so the password is sent and ignored: it must still not show.
        List<String> conn = List.of("--url", db.url(), "--user", db.user(), "--password", SECRET, "--location",
                dir.toString());
        for (String command : List.of("plan", "upgrade", "status", "check", "instances")) {
            CliTest.Run r = bellows(CliTest.args(conn, command));
            assertHidden(r);
        }
        assertHidden(bellows(CliTest.args(conn, "status", "--format", "json")));
        assertHidden(bellows(CliTest.args(conn, "migrate", "--format", "json")));
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM bellows_schema_history")) {
            int columns = rs.getMetaData().getColumnCount();
            int rows = 0;
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= columns; i++) {
                    assertThat(String.valueOf(rs.getObject(i))).doesNotContain(SECRET);
                }
            }
            assertThat(rows).isPositive();
        }
    }
}
