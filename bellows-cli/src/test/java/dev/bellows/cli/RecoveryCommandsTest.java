package dev.bellows.cli;

import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.bellows.cli.CliTest.args;
import static dev.bellows.cli.CliTest.bellows;
import static dev.bellows.cli.CliTest.connection;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a history row is deleted by hand, the command that status recommends exists, is run exactly
 * as printed, and brings the database back to "up to date".
 */
class RecoveryCommandsTest {

    @TempDir
    Path dir;

    static final Pattern NEXT = Pattern.compile("next: bellows (\\S+(?: [^ (]\\S*)*) \\(");

    /** The command after "next: bellows" in status output, split into words. */
    static List<String> recommended(String statusOut) {
        Matcher m = NEXT.matcher(statusOut);
        assertThat(m.find()).as("status names a next command:\n" + statusOut).isTrue();
        return Arrays.asList(m.group(1).split(" "));
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aHistoryRowDeletedByHandIsRepairedByTheCommandStatusRecommends(TestDatabase db) throws Exception {
        new MigrationTree(dir)
                .file("1.0", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY);")
                .file("1.1", "expand", "001_isbn.sql", "ALTER TABLE books ADD COLUMN isbn varchar(20);")
                .file("1.1", "expand", "002_price.sql", "ALTER TABLE books ADD COLUMN price int;");
        List<String> conn = connection(db, dir);
        assertThat(bellows(args(conn, "expand")).exit()).isZero();
        db.execute("DELETE FROM bellows_schema_history WHERE migration = '1.1/expand/001_isbn.sql'");

        CliTest.Run status = bellows(args(conn, "status"));
        List<String> next = recommended(status.out());
        assertThat(String.join(" ", next)).isEqualTo("repair --applied 1.1/expand/001_isbn.sql");
        assertThat(bellows(args(conn, "expand")).err()).contains("`bellows repair --applied 1.1/expand/001_isbn.sql`");

        List<String> run = new ArrayList<>(next);
        CliTest.Run repaired = bellows(args(conn, run.toArray(String[]::new)));
        assertThat(repaired.exit()).as(repaired.err()).isZero();
        assertThat(repaired.out()).contains("recorded 1.1/expand/001_isbn.sql as applied (not run)");

        CliTest.Run after = bellows(args(conn, "status"));
        assertThat(after.out()).contains("next: nothing, up to date").doesNotContain("repair");
        assertThat(bellows(args(conn, "expand")).exit()).isZero();
    }
}
