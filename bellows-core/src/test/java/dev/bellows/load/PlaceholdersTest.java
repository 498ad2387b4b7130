package dev.bellows.load;

import dev.bellows.model.MigrationSet;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.testing.MigrationTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceholdersTest {

    @TempDir
    Path dir;

    MigrationSet load(SqlSyntax syntax, Map<String, String> values) {
        return Placeholders.resolve(MigrationLoader.load(dir, syntax), values, syntax);
    }

    @Test
    void placeholdersAreReplacedInCodeStringsAndBodiesAndTheChecksumStaysTheFiles() {
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", "CREATE TABLE ${schema}.t (email text DEFAULT "
                + "'x@${mail_domain}');\nCREATE FUNCTION f() RETURNS text AS $$ SELECT '${mail_domain}' $$ LANGUAGE sql;\n");
        MigrationSet raw = MigrationLoader.load(dir, SqlSyntax.POSTGRESQL);
        MigrationSet set = load(SqlSyntax.POSTGRESQL, Map.of("schema", "app", "mail_domain", "example.com"));

        assertThat(set.migrations().get(0).statements()).extracting(s -> s.sql()).containsExactly(
                "CREATE TABLE app.t (email text DEFAULT 'x@example.com')",
                "CREATE FUNCTION f() RETURNS text AS $$ SELECT 'example.com' $$ LANGUAGE sql");
        assertThat(set.migrations().get(0).checksum()).isEqualTo(raw.migrations().get(0).checksum());
    }

    @Test
    void anUndefinedPlaceholderIsAnErrorNamingFileLineAndName() {
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", "CREATE TABLE t (id int);\n\n"
                + "INSERT INTO t VALUES (${first_id});\n");

        assertThatThrownBy(() -> load(SqlSyntax.MYSQL, Map.of("other", "1")))
                .isInstanceOf(MigrationLoadException.class)
                .hasMessageContaining("001_a.sql").hasMessageContaining("line 3: placeholder ${first_id} has no value")
                .hasMessageContaining("--placeholder first_id=VALUE").hasMessageContaining("BELLOWS_PLACEHOLDERS_FIRST_ID");
    }

    @Test
    void dollarQuoteDelimitersJsonAndOptedOutFilesAreNotPlaceholders() {
        String body = "CREATE FUNCTION g() RETURNS text AS $${x}$$ LANGUAGE sql;\n"
                + "CREATE FUNCTION h() RETURNS json AS $fn${\"a\": 1}$fn$ LANGUAGE sql;\n"
                + "SELECT '${ not a name }';\n";
        new MigrationTree(dir).file("1.0", "expand", "001_a.sql", body)
                .file("1.0", "expand", "002_js.sql", "-- bellows:placeholders off\n"
                        + "CREATE FUNCTION j(n text) RETURNS text AS $$ return `hi ${n}`; $$ LANGUAGE plv8;\n");

        MigrationSet set = load(SqlSyntax.POSTGRESQL, Map.of());

        assertThat(set.migrations().get(0).content()).isEqualTo(body);
        assertThat(set.migrations().get(1).content()).contains("`hi ${n}`");
        // On MySQL there is no dollar quoting: the same text is a placeholder there.
        assertThatThrownBy(() -> Placeholders.replace("SELECT '$${x}'", Map.of(), SqlSyntax.MYSQL,
                set.migrations().get(0))).hasMessageContaining("placeholder ${x} has no value");
    }
}
