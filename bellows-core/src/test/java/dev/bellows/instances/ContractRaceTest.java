package dev.bellows.instances;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.model.Release;
import dev.bellows.run.RunOptions;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An instance of the old release that registers while {@code contract} runs: it passed the contract
 * gate (it was not there yet) and must not pass the startup guard either (the contract is not marked
 * yet). Registration and contract exclude each other, so the instance is refused once contract ends.
 */
class ContractRaceTest {

    @TempDir
    Path dir;

    /** Release 1.1 expanded and migrated; its contract sleeps {@code seconds} before it drops 1.0's column. */
    Bellows upgradedTo11WithASlowContract(TestDatabase db, int seconds) {
        boolean pg = db.kind().equals("postgresql");
        new MigrationTree(dir)
                .file("1.0", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY, code varchar(20));")
                .file("1.1", "expand", "001_isbn.sql", "ALTER TABLE books ADD isbn varchar(20);")
                .file("1.1", "contract", "001_drop_code.sql", (pg ? "SELECT pg_sleep(" + seconds + ");\n"
                        : "DO SLEEP(" + seconds + ");\n") + "ALTER TABLE books DROP COLUMN code;");
        Bellows bellows = new Bellows(new BellowsConfig(dir, new ConnectionSettings(db.url(), db.user(),
                db.password()), RunOptions.defaults()));
        bellows.upgrade(Release.of("1.1"));
        return bellows;
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void anOldInstanceRegisteringDuringContractIsRefusedAndNeverLiveAfterIt(TestDatabase db) throws Exception {
        Bellows bellows = upgradedTo11WithASlowContract(db, 2);

        CompletableFuture<?> contract = CompletableFuture.runAsync(() -> bellows.contract(Release.of("1.1")));
        Thread.sleep(700); // the gate has passed (no instance yet); the contract's first statement sleeps

        assertThatThrownBy(() -> BellowsInstance.builder(TestDataSources.of(db), "1.0").id("late-old").register())
                .isInstanceOfSatisfying(StartupRefusedException.class, e -> assertThat(e.refusal().reason())
                        .isEqualTo(StartupRefusal.Reason.CONTRACTED_PAST));
        contract.get();
        try (BellowsInstance current = BellowsInstance.builder(TestDataSources.of(db), "1.1").id("new").register()) {
            assertThat(db.count("SELECT count(*) FROM bellows_instances")).as("only the 1.1 instance").isEqualTo(1);
        }
        assertThat(db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '1.1/contract'"))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void anInstanceWhoseHeartbeatRevivesItDuringContractLearnsThatTheSchemaLeftItsRelease(TestDatabase db)
            throws Exception {
        Bellows bellows = upgradedTo11WithASlowContract(db, 3);

        try (BellowsInstance old = BellowsInstance.builder(TestDataSources.of(db), "1.0").id("revived")
                .ttl(java.time.Duration.ofSeconds(10)).heartbeatInterval(java.time.Duration.ofSeconds(2)).register()) {
            // Its row pruned (others count it as gone), the contract's gate passes; the next heartbeat, about
            // 2 s after registering, finds the row missing while the contract sleeps and writes it again.
            db.execute("DELETE FROM bellows_instances");
            bellows.contract(Release.of("1.1"));
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(8).toNanos();
            while (old.schemaRefusal().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(old.schemaRefusal()).as("the revived 1.0 instance's check ran after the contract")
                    .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(StartupRefusal.Reason.CONTRACTED_PAST));
        }
    }
}
