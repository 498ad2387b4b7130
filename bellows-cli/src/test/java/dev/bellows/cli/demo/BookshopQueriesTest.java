package dev.bellows.cli.demo;

import dev.bellows.junit.AfterContract;
import dev.bellows.junit.AfterExpand;
import dev.bellows.junit.BellowsMigrations;
import dev.bellows.junit.RecordQueries;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookshop example application's own tests: each release serves requests on the schema it runs
 * on, and every statement it sends is recorded into the example's query manifests
 * ({@code examples/bookshop/db/queries/1.2.sql} and {@code 1.3.sql}), which {@code bellows verify}
 * then proves against every schema of the rolling upgrade. Seeded, so the manifests are the same on
 * every run.
 */
class BookshopQueriesTest {

    static final String MIGRATIONS = "../examples/bookshop/db/migrations";
    static final String QUERIES = "../examples/bookshop/db/queries";

    static int serve(AppRelease app, DataSource ds, long seed) throws SQLException {
        Random random = new Random(seed);
        int requests = 0;
        try (Connection c = ds.getConnection()) {
            for (; requests < 200; requests++) {
                app.request(c, random, 20);
            }
        }
        return requests;
    }

    @Nested
    @BellowsMigrations(location = MIGRATIONS)
    @RecordQueries(release = "1.2", directory = QUERIES)
    class Release12 {
        @Test
        void servesRequestsOnItsSchema(@AfterContract("1.2") DataSource ds) throws SQLException {
            assertThat(serve(new Bookshop12(), ds, 12)).isEqualTo(200);
        }
    }

    @Nested
    @BellowsMigrations(location = MIGRATIONS)
    @RecordQueries(release = "1.3", directory = QUERIES)
    class Release13 {
        @Test
        void servesRequestsFromExpandOn(@AfterExpand("1.3") DataSource ds) throws SQLException {
            assertThat(serve(new Bookshop13(), ds, 13)).isEqualTo(200);
        }
    }
}
