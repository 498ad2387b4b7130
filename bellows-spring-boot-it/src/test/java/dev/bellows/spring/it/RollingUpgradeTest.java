package dev.bellows.spring.it;

import dev.bellows.instances.AutoContractTable;
import dev.bellows.instances.PendingContract;
import dev.bellows.spring.it.BookshopApp.Boot;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rolling upgrade of issue 11 with real Spring Boot processes and the Bellows starter: instances of
 * release 1.2 serve requests; 1.3 instances replace them one by one (the first expands 1.3 at startup and
 * migrates in the background); after the last 1.2 stops and the contract delay passes, an instance runs
 * contract 1.3 on its own; a client counts failed requests throughout; a 1.4 instance is refused because
 * 1.4 is not expanded.
 * <p>
 * All four combinations (Boot 3.5 and Boot 4.0, each on PostgreSQL and on MariaDB) run the full path: two 1.2
 * instances started together (racing for the migrator lock), replaced one by one by two 1.3 instances, then the
 * refused 1.4. Each checks expand at startup, the instance serving while migrate runs in the background (the
 * endpoint shows the running batch and that contract is not safe), no contract while a 1.2 instance is live,
 * 1.2 adding books after migrate 1.3 finished, every book's isbn (seeded or added by either release during the
 * rollout) filled before and after contract, the automatic contract after the delay (recorded as such), zero
 * failed requests and deregistration on graceful shutdown.
 */
class RollingUpgradeTest {

    private static final int SEEDED = 30_000;
    private static final Duration DELAY = Duration.ofSeconds(3);

    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of(Boot.three(), "postgresql"),
                Arguments.of(Boot.four(), "mariadb"),
                Arguments.of(Boot.four(), "postgresql"),
                Arguments.of(Boot.three(), "mariadb"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("combinations")
    void rollingUpgradeThatFinishesItself(Boot boot, String database) throws Exception {
        TestDatabase db = database.equals("postgresql") ? Databases.postgres() : Databases.mariadb();
        Path logs = Path.of(System.getProperty("it.logs"), boot.name() + "-" + database);
        List<BookshopApp> started = new ArrayList<>();
        try (LoadBalancer lb = new LoadBalancer(SEEDED, 2)) {
            // release 1.2: expanded at the first startup (two instances racing for the migrator lock)
            List<BookshopApp> old = new ArrayList<>();
            for (String name : List.of("a-1.2", "b-1.2")) {
                old.add(track(started, BookshopApp.start(boot, db, logs, name, "1.2", List.of())));
            }
            for (BookshopApp app : old) {
                assertThat(app.awaitReady(Duration.ofSeconds(60))).as(app + " starts:\n" + app.log()).isTrue();
            }
            seed(db);
            old.forEach(lb::add);
            lb.start();

            // the first 1.3 instance expands 1.3 before it starts and migrates in the background. A row locked
            // in the middle of the table once expand is done (a long transaction of someone else) keeps the
            // backfill from finishing until the instance serves, however fast or slow this machine starts it.
            BookshopApp a13 = track(started, BookshopApp.start(boot, db, logs, "a-1.3", "1.3", List.of()));
            await(() -> marker(db, "1.3/expand"), Duration.ofSeconds(60), "expand 1.3 ran at startup", 10);
            Connection holder = db.connect();
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.executeQuery("SELECT id FROM books WHERE id = " + SEEDED / 2 + " FOR UPDATE").close();
            }
            assertThat(a13.awaitReady(Duration.ofSeconds(60))).as(a13.log()).isTrue();
            assertThat(marker(db, "1.3/expand")).as("expand 1.3 ran at startup").isTrue();
            lb.add(a13);
            await(() -> backfilled(db) > 0, Duration.ofSeconds(30), "the background migrate has begun");
            Thread.sleep(500);
            assertThat(a13.get("/books/count").statusCode()).isEqualTo(200);
            assertThat(marker(db, "1.3/migrate")).as("the instance serves while migrate 1.3 still runs").isFalse();
            // the batch waiting for the held row is running: the endpoint shows it, and contract is not safe
            HttpResponse<String> endpoint = a13.get("/actuator/bellows");
            assertThat(endpoint.statusCode()).isEqualTo(200);
            assertThat(endpoint.body()).contains("\"liveInstancesPerRelease\"").contains("\"1.2\"")
                    .contains("\"contractSafe\":false").contains("\"runningBatches\":[{\"migration\":")
                    .contains("001_backfill_isbn");
            holder.rollback();
            holder.close();
            assertThat(a13.get("/actuator/health/bellows").body()).contains("\"status\":\"UP\"");

            lb.remove(old.get(0));
            old.get(0).stop();
            BookshopApp b13 = track(started, BookshopApp.start(boot, db, logs, "b-1.3", "1.3", List.of()));
            assertThat(b13.awaitReady(Duration.ofSeconds(60))).as(b13.log()).isTrue();
            lb.add(b13);
            await(() -> marker(db, "1.3/migrate"), Duration.ofSeconds(60), "background migrate 1.3 completes");
            assertThat(marker(db, "1.3/contract")).as("no contract while a 1.2 instance is live").isFalse();
            assertThat(pending(db)).as("no automatic contract waits while a 1.2 instance is live").isEmpty();

            // the last 1.2 instance keeps adding books (into code only) after the backfill has passed: the sync
            // trigger of expand 1.3 fills their isbn, as it fills code for the books 1.3 adds
            BookshopApp lastOld = old.get(old.size() - 1);
            int addedBefore = lb.insertedThrough(lastOld).size();
            await(() -> lb.insertedThrough(lastOld).size() >= addedBefore + 10, Duration.ofSeconds(30),
                    "the client adds books through " + lastOld + " after migrate 1.3 completed");
            List<Long> addedBy12 = lb.insertedThrough(lastOld).subList(addedBefore, addedBefore + 10);
            for (long id : addedBy12) {
                assertThat(db.queryOne("SELECT isbn FROM books WHERE id = " + id))
                        .as("isbn of book %d, added by 1.2 after migrate 1.3 completed", id).isEqualTo("978" + id);
            }
            assertThat(db.count("SELECT count(*) FROM books WHERE isbn IS NULL OR code IS NULL OR isbn <> code"))
                    .as("before contract, every book has isbn and code alike, whichever release wrote it").isZero();
            assertThat(db.count("SELECT count(*) FROM books WHERE id > " + SEEDED))
                    .as("books added during the rollout").isGreaterThanOrEqualTo(10);

            lb.remove(lastOld);
            // taken before the stop: the instance deregisters during its shutdown, before its process has exited,
            // and the wait may start from that moment
            long lastOldStopping = System.nanoTime();
            lastOld.stop();

            await(() -> pending(db).isPresent() || marker(db, "1.3/contract"), Duration.ofSeconds(20),
                    "an automatic contract is scheduled");
            await(() -> marker(db, "1.3/contract"), Duration.ofSeconds(30), "the automatic contract runs");
            Duration waited = Duration.ofNanos(System.nanoTime() - lastOldStopping);
            assertThat(waited).as("contract waited for the delay after the last 1.2 was told to stop")
                    .isGreaterThanOrEqualTo(DELAY);
            assertThat(db.queryOne("SELECT message FROM bellows_schema_history WHERE migration = '1.3/contract'"))
                    .asString().startsWith("AUTOMATIC contract by instance ").contains("-1.3: every live instance ran 1.3");
            Thread.sleep(1000); // 1.3 keeps serving on the contracted schema

            // 1.4 has not been expanded: an instance that does not expand is refused
            BookshopApp v14 = track(started, BookshopApp.start(boot, db, logs, "c-1.4", "1.4",
                    List.of("--spring.bellows.startup=none")));
            assertThat(v14.awaitExit(Duration.ofSeconds(60))).as("1.4 refuses to start").isNotZero();
            assertThat(v14.log()).contains("release 1.4 cannot start: the database schema is expanded only up "
                    + "to release 1.3. Run `bellows expand --to 1.4` first.");

            lb.close();
            assertThat(lb.failures).as("failed requests").isEmpty();
            assertThat(lb.failed.get()).isZero();
            assertThat(lb.requests.get()).isGreaterThan(200);
            assertThat(db.count("SELECT count(*) FROM books")).as("every book seeded or added is there")
                    .isEqualTo(SEEDED + lb.insertedTotal());
            assertThat(db.count("SELECT count(*) FROM books WHERE isbn IS NULL OR isbn <> CONCAT('978', id)"))
                    .as("after contract, every book (seeded, or added by 1.2 or 1.3 during the rollout) has its isbn")
                    .isZero();
            System.out.printf("%s on %s: %d requests, %d failed, %d books added%n", boot, database,
                    lb.requests.get(), lb.failed.get(), lb.insertedTotal());

            a13.stop();
            b13.stop();
            assertThat(db.count("SELECT count(*) FROM bellows_instances"))
                    .as("instances deregister on graceful shutdown").isZero();
        } finally {
            started.forEach(BookshopApp::kill);
        }
    }

    private static BookshopApp track(List<BookshopApp> started, BookshopApp app) {
        started.add(app);
        return app;
    }

    private static void seed(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO books (id, title, code) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= SEEDED; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "book " + i);
                    ps.setString(3, "978" + i);
                    ps.addBatch();
                    if (i % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }

    private static boolean marker(TestDatabase db, String id) {
        try {
            return db.count("SELECT count(*) FROM bellows_schema_history WHERE migration = '" + id
                    + "' AND outcome = 'complete'") == 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long backfilled(TestDatabase db) {
        try {
            return db.count("SELECT count(*) FROM books WHERE isbn IS NOT NULL AND id <= " + SEEDED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<PendingContract> pending(TestDatabase db) {
        try (Connection c = db.connect()) {
            return new AutoContractTable(db.dialect()).read(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Supplier<Boolean> condition, Duration timeout, String what) throws Exception {
        await(condition, timeout, what, 100);
    }

    private static void await(Supplier<Boolean> condition, Duration timeout, String what, long everyMs)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(everyMs);
        }
    }
}
