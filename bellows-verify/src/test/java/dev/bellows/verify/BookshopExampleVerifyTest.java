package dev.bellows.verify;

import dev.bellows.db.PostgresDialect;
import dev.bellows.load.MigrationLoader;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example project must pass verify. */
class BookshopExampleVerifyTest {

    @Test
    void bookshopPasses() {
        Path location = Path.of("..", "examples", "bookshop", "db", "migrations");
        TestDatabase db = Databases.postgres();
        VerifyReport r = Verifier.verify(MigrationLoader.load(location, SqlSyntax.POSTGRESQL),
                VerifyOptions.defaults(new PostgresDialect()).withRows(1000)
                        .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())));
        System.out.println(TextReport.render(r, true));
        assertThat(r.failed()).as(TextReport.render(r, false)).isFalse();
        assertThat(r.notes()).isEmpty();
    }
}
