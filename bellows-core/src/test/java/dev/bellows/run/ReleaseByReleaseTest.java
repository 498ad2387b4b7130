package dev.bellows.run;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.instances.BellowsInstance;
import dev.bellows.model.Release;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several pending releases on the shipped bookshop example (PostgreSQL): {@code upgrade} goes release
 * by release, and {@code upgrade --all-phases} (the Java API's applyAll) brings a fresh database to the
 * newest release.
 */
class ReleaseByReleaseTest {

    static final Path BOOKSHOP = Path.of("..", "examples", "bookshop", "db", "migrations");

    static Bellows bellows(TestDatabase db) {
        return new Bellows(new BellowsConfig(BOOKSHOP, new ConnectionSettings(db.url(), db.user(), db.password()),
                RunOptions.defaults()));
    }

    static PGSimpleDataSource dataSource(TestDatabase db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.url());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        return ds;
    }

    @Test
    void upgradeOverSeveralReleasesRunsMigrateOfEachBeforeTheNextExpand() throws Exception {
        TestDatabase db = Databases.postgres();
        // 1.2's expand renames books behind a view without legacy_code, which migrate 1.1 reads.
        bellows(db).upgrade(Release.of("1.2"));

        assertThat(db.count("SELECT count(*) FROM titles WHERE isbn IS NULL")).isZero();
        assertThat(db.count("SELECT count(*) FROM titles WHERE subtitle IS NULL")).isZero();
        assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE outcome NOT IN ('success', 'complete')")).isZero();
        assertThat(bellows(db).status().next()).as("only contract 1.1 is left before 1.3")
                .contains("contract --to 1.1");

        // expand 1.3 needs contract 1.1: refused up front, naming it, and nothing of 1.3 runs.
        assertThatThrownBy(() -> bellows(db).upgrade(null)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("expand 1.3 needs contract 1.1 first")
                .hasMessageContaining("`bellows contract --to 1.1`");
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'titles' "
                + "AND column_name = 'sort_title'")).isZero();

        bellows(db).contract(Release.of("1.1"));
        bellows(db).upgrade(null);
        assertThat(db.count("SELECT count(*) FROM titles WHERE sort_title IS NULL")).isZero();
    }

    @Test
    void expandPastAPendingMigrateIsRefusedNamingTheCommandThatGoesReleaseByRelease() throws Exception {
        TestDatabase db = Databases.postgres();
        bellows(db).expand(Release.of("1.1"));
        assertThatThrownBy(() -> bellows(db).expand(Release.of("1.2"))).isInstanceOf(RefusedException.class)
                .hasMessageContaining("expand 1.2 needs migrate 1.1 to be complete first")
                .hasMessageContaining("`bellows upgrade --to 1.2`");
        assertThat(db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'titles'")).isZero();
        bellows(db).upgrade(Release.of("1.2"));
        assertThat(db.count("SELECT count(*) FROM titles")).isEqualTo(5000);
    }

    @Test
    void allPhasesBringsAFreshDatabaseToTheNewestReleaseButNotWhileOlderInstancesLive() throws Exception {
        TestDatabase db = Databases.postgres();
        bellows(db).upgrade(Release.of("1.2"));
        try (BellowsInstance old = BellowsInstance.builder(dataSource(db), "1.2").id("shop-7").register()) {
            assertThatThrownBy(() -> bellows(db).applyAll(null)).isInstanceOf(RefusedException.class)
                    .hasMessageContaining("upgrade --all-phases refused")
                    .hasMessageContaining("instance shop-7");
        }
        assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration LIKE '%/contract%'"))
                .as("nothing contracted while 1.2 was live").isZero();

        TestDatabase fresh = Databases.postgres();
        RunResult all = bellows(fresh).applyAll(null);
        assertThat(all.filesApplied()).isEqualTo(bellows(fresh).migrations().migrations().size());
        assertThat(fresh.count("SELECT count(*) FROM information_schema.views WHERE table_name = 'books'")).isZero();
        assertThat(fresh.count("SELECT count(*) FROM titles WHERE sort_title IS NULL")).isZero();
        assertThat(bellows(fresh).status().next()).isEmpty();
    }
}
