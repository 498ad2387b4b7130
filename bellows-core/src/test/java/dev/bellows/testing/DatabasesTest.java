package dev.bellows.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabasesTest {

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void eachCallGivesAFreshEmptyDatabase(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE marker (id int)");
        TestDatabase other = db.kind().equals("postgresql") ? Databases.postgres() : Databases.mariadb();
        assertThat(other.url()).isNotEqualTo(db.url());
        other.execute("CREATE TABLE marker (id int)");
        assertThat(db.count("SELECT count(*) FROM marker")).isZero();
    }
}
