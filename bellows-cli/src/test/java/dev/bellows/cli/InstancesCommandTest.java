package dev.bellows.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellows.history.Actor;
import dev.bellows.history.HistoryTable;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bellows instances …} run in-process through the real command line, output captured. */
class InstancesCommandTest {

    record Result(int exitCode, String out, String err) {
    }

    static Result run(TestDatabase db, String... args) {
        return run(Map.of(), db, args);
    }

    static Result run(Map<String, String> env, TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (db != null) {
            all.addAll(List.of("--url", db.url(), "--user", db.user()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = BellowsCli.commandLine(o, e, env);
        int code = cl.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    static void complete(TestDatabase db, String release, Phase phase) throws Exception {
        HistoryTable history = new HistoryTable(db.dialect());
        try (Connection c = db.connect()) {
            if (!history.exists(c)) {
                history.create(c);
            }
            history.markComplete(c, Release.of(release), phase, new Actor("test", "test-host"), null);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void registerHeartbeatListDeregister(TestDatabase db) throws Exception {
        complete(db, "1.1", Phase.EXPAND);
        complete(db, "1.2", Phase.EXPAND);

        Result old = run(db, "instances", "register", "--release", "1.1", "--id", "billing-1", "--host", "vm-3",
                "--pid", "777", "--metadata", "{\"lang\":\"go\"}");
        assertThat(old.exitCode()).as(old.err()).isZero();
        assertThat(old.out()).isEqualTo("billing-1\n");
        Result generated = run(db, "instances", "register", "--release", "1.2", "--host", "vm-4");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        String id = generated.out().trim();
        assertThat(id).matches("vm-4-\\d+-[0-9a-f]{4}");

        Result list = run(db, "instances");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("ID", "RELEASE", "billing-1", "1.1", "vm-3", "777", "live", id,
                "2 live, 0 expired");

        JsonNode json = new ObjectMapper().readTree(run(db, "instances", "--format", "json").out());
        assertThat(json.get("live").asInt()).isEqualTo(2);
        JsonNode first = json.get("instances").get(0);
        assertThat(first.get("id").asText()).isEqualTo("billing-1");
        assertThat(first.get("release").asText()).isEqualTo("1.1");
        assertThat(first.get("pid").asLong()).isEqualTo(777);
        assertThat(first.get("ttlSeconds").asInt()).isEqualTo(30);
        assertThat(first.get("live").asBoolean()).isTrue();
        assertThat(first.get("metadata").asText()).isEqualTo("{\"lang\":\"go\"}");
        assertThat(first.get("heartbeatAt").asText()).endsWith("Z");

        Result beat = run(db, "instances", "heartbeat", "--id", "billing-1");
        assertThat(beat.exitCode()).isZero();
        assertThat(beat.out()).contains("heartbeat of instance billing-1 recorded");
        Result unknown = run(db, "instances", "heartbeat", "--id", "ghost");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("instance ghost is not registered",
                "bellows instances register --release R --id ghost", "--release R");

        Result gone = run(db, "instances", "deregister", "--id", "billing-1");
        assertThat(gone.exitCode()).isZero();
        assertThat(gone.out()).contains("deregistered instance billing-1");
        Result again = run(db, "instances", "deregister", "--id", "billing-1");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("was not registered; nothing to remove");
        assertThat(run(db, "instances").out()).doesNotContain("billing-1").contains("1 live, 0 expired");
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void theStartupGuardRefusesUnlessWarnOnly(TestDatabase db) throws Exception {
        Result refused = run(db, "instances", "register", "--release", "1.2", "--id", "web-1");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("release 1.2 cannot start", "Run `bellows expand --to 1.2` first");

        Result warned = run(db, "instances", "register", "--release", "1.2", "--id", "web-1", "--warn-only");
        assertThat(warned.exitCode()).isZero();
        assertThat(warned.out()).isEqualTo("web-1\n");
        assertThat(warned.err()).contains("warning: release 1.2 cannot start", "Registering anyway (--warn-only)");

        complete(db, "1.1", Phase.EXPAND);
        complete(db, "1.2", Phase.EXPAND);
        complete(db, "1.2", Phase.CONTRACT);
        Result contracted = run(db, "instances", "register", "--release", "1.1");
        assertThat(contracted.exitCode()).isEqualTo(1);
        assertThat(contracted.err()).contains("the schema was contracted for release 1.2",
                "release 1.1 can no longer run against it");
        assertThat(run(db, "instances", "register", "--release", "1.2").exitCode()).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void expiredInstancesAreShownAndPruned(TestDatabase db) throws Exception {
        complete(db, "1.0", Phase.EXPAND);
        assertThat(run(db, "instances", "register", "--release", "1.0", "--id", "short", "--ttl", "1").exitCode())
                .isZero();
        assertThat(run(db, "instances", "register", "--release", "1.0", "--id", "long").exitCode()).isZero();
        Thread.sleep(1300);

        Result list = run(db, "instances");
        assertThat(list.out()).containsPattern("short\\s+1\\.0.*expired").contains("1 live, 1 expired",
                "bellows instances --prune");

        JsonNode pruned = new ObjectMapper().readTree(run(db, "instances", "--prune", "--format", "json").out());
        assertThat(pruned.get("pruned").asInt()).isEqualTo(1);
        assertThat(pruned.get("instances")).hasSize(1);
        assertThat(pruned.get("instances").get(0).get("id").asText()).isEqualTo("long");
        assertThat(run(db, "instances", "--prune").out()).startsWith("pruned 0 expired instances");
    }

    /** The start script's loop: a heartbeat with --release brings a pruned row back, after the startup guard. */
    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aHeartbeatWithReleaseRegistersAPrunedInstanceAgainAfterTheGuard(TestDatabase db) throws Exception {
        complete(db, "1.0", Phase.EXPAND);
        assertThat(run(db, "instances", "register", "--release", "1.0", "--id", "svc", "--ttl", "60").exitCode())
                .isZero();
        String table = db.dialect().quote("bellows_instances");
        db.execute("DELETE FROM " + table);

        Result back = run(db, "instances", "heartbeat", "--id", "svc", "--release", "1.0", "--ttl", "60",
                "--pid", "4242");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).contains("instance svc was not registered", "registered it again as release 1.0");
        JsonNode row = new ObjectMapper().readTree(run(db, "instances", "--format", "json").out())
                .get("instances").get(0);
        assertThat(row.get("id").asText()).isEqualTo("svc");
        assertThat(row.get("ttlSeconds").asInt()).isEqualTo(60);
        assertThat(row.get("pid").asLong()).isEqualTo(4242);
        assertThat(row.get("live").asBoolean()).isTrue();
        assertThat(run(db, "instances", "heartbeat", "--id", "svc", "--release", "1.0").out())
                .contains("heartbeat of instance svc recorded");

        // pruned while a contract ran past 1.0: the guard refuses and nothing is written
        db.execute("DELETE FROM " + table);
        complete(db, "1.1", Phase.EXPAND);
        complete(db, "1.1", Phase.CONTRACT);
        Result refused = run(db, "instances", "heartbeat", "--id", "svc", "--release", "1.0");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("the schema was contracted for release 1.1",
                "release 1.0 can no longer run against it");
        assertThat(db.count("SELECT count(*) FROM " + table)).isZero();
    }

    /** An expired row is revived only when the startup guard still lets its release run. */
    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aHeartbeatOfAnExpiredRowRunsTheStartupGuard(TestDatabase db) throws Exception {
        complete(db, "1.0", Phase.EXPAND);
        assertThat(run(db, "instances", "register", "--release", "1.0", "--id", "late").exitCode()).isZero();
        String table = db.dialect().quote("bellows_instances");
        String age = "UPDATE " + table + " SET heartbeat_at = heartbeat_at - INTERVAL '1' HOUR";
        db.execute(age);
        Result revived = run(db, "instances", "heartbeat", "--id", "late");
        assertThat(revived.exitCode()).as(revived.err()).isZero();
        assertThat(revived.out()).contains("it had expired", "is live again");
        assertThat(run(db, "instances").out()).contains("1 live, 0 expired");

        db.execute(age);
        complete(db, "1.1", Phase.EXPAND);
        complete(db, "1.1", Phase.CONTRACT);
        Result refused = run(db, "instances", "heartbeat", "--id", "late", "--release", "1.0");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("instance late had sent no heartbeat for longer than its TTL of 30 s",
                "the schema was contracted for release 1.1", "Its row stays expired");
        assertThat(run(db, "instances").out()).contains("0 live, 1 expired");
    }

    @Test
    void anEmptyDatabaseHasNoInstances() {
        TestDatabase db = Databases.postgres();
        Result r = run(db, "instances");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("no instances registered\n");
        assertThat(run(db, "instances", "--format", "json").out()).contains("\"instances\" : [ ]");
    }

    @Test
    void theConnectionComesFromTheEnvironmentToo() throws Exception {
        TestDatabase db = Databases.mariadb();
        complete(db, "2.0", Phase.EXPAND);
        Map<String, String> env = Map.of("BELLOWS_URL", db.url(), "BELLOWS_USER", db.user());
        Result r = run(env, null, "instances", "register", "--release", "2.0", "--id", "from-env");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(run(env, null, "instances").out()).contains("from-env");
        assertThat(run(env, null, "instances", "heartbeat", "--id", "from-env").exitCode()).isZero();
        assertThat(run(env, null, "instances", "deregister", "--id", "from-env").exitCode()).isZero();
    }

    @Test
    void usageErrorsExitWithTwo() {
        TestDatabase db = Databases.postgres();
        assertThat(run(db, "instances", "--format", "xml").err()).contains("unknown --format 'xml'");
        assertThat(run(db, "instances", "--format", "xml").exitCode()).isEqualTo(2);
        Result badRelease = run(db, "instances", "register", "--release", "one");
        assertThat(badRelease.exitCode()).isEqualTo(2);
        assertThat(badRelease.err()).contains("'one' is not a release version");
        Result badTtl = run(db, "instances", "register", "--release", "1.0", "--ttl", "0");
        assertThat(badTtl.exitCode()).isEqualTo(2);
        assertThat(badTtl.err()).contains("give at least 1 second");
        assertThat(run(db, "instances", "register").exitCode()).isEqualTo(2);
        Result noUrl = run(null, "instances");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("no database URL");
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String[] args : List.of(new String[]{"instances", "--help"},
                new String[]{"instances", "register", "--help"}, new String[]{"instances", "heartbeat", "--help"},
                new String[]{"instances", "deregister", "--help"})) {
            Result r = run(null, args);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Example:", "--url", "bellows instances");
        }
    }
}
