package dev.bellows.instances;

import dev.bellows.model.Release;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceRegistryTest {

    private static Registration reg(String id, String release, Duration ttl) {
        return new Registration(id, Release.of(release), "host-" + id, 4000L, ttl, null);
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aDatabaseWithoutTheTableHasNoInstances(TestDatabase db) throws Exception {
        InstanceRegistry registry = new InstanceRegistry(db.dialect());
        try (Connection c = db.connect()) {
            assertThat(registry.live(c)).isEmpty();
            assertThat(registry.all(c)).isEmpty();
            assertThat(registry.prune(c)).isZero();
            assertThat(registry.heartbeat(c, "nobody")).isEqualTo(Heartbeat.MISSING);
            assertThat(registry.deregister(c, "nobody")).isFalse();
            assertThat(new LiveInstancesGuard(registry).blockers(c, Release.of("2.0"))).isEmpty();
            assertThat(registry.exists(c)).as("reads never create the table").isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void instancesOfTwoReleasesBlockContractUntilTheOldOnesDeregister(TestDatabase db) throws Exception {
        InstanceRegistry registry = new InstanceRegistry(db.dialect());
        LiveInstancesGuard guard = new LiveInstancesGuard(registry);
        try (Connection c = db.connect()) {
            registry.register(c, reg("old-a", "1.9", Duration.ofSeconds(30)));
            registry.register(c, reg("old-b", "1.9", Duration.ofSeconds(30)));
            registry.register(c, reg("new-a", "1.10", Duration.ofSeconds(30)));

            List<Instance> live = registry.live(c);
            assertThat(live).extracting(Instance::id).containsExactly("old-a", "old-b", "new-a");
            assertThat(live).allMatch(Instance::live);
            Instance first = live.get(0);
            assertThat(first.release()).isEqualTo("1.9");
            assertThat(first.host()).isEqualTo("host-old-a");
            assertThat(first.pid()).isEqualTo(4000L);
            assertThat(first.ttl()).isEqualTo(Duration.ofSeconds(30));
            assertThat(first.sinceHeartbeat()).isBetween(Duration.ofSeconds(-1), Duration.ofSeconds(5));

            // version-aware: 1.9 is older than 1.10
            List<String> blockers = guard.blockers(c, Release.of("1.10"));
            assertThat(blockers).hasSize(2);
            assertThat(blockers.get(0)).contains("old-a", "host-old-a", "release 1.9", "last heartbeat");
            assertThat(blockers.get(1)).contains("old-b");
            assertThat(guard.blockers(c, Release.of("1.9"))).isEmpty();
            assertThat(new LiveInstancesGuard().blockers(c, Release.of("1.10")))
                    .as("the dialect taken from the connection").hasSize(2)
                    .satisfiesExactly(l -> assertThat(l).contains("old-a"), l -> assertThat(l).contains("old-b"));

            assertThat(registry.deregister(c, "old-a")).isTrue();
            assertThat(registry.deregister(c, "old-a")).isFalse();
            assertThat(guard.blockers(c, Release.of("1.10"))).singleElement().asString().contains("old-b");
            registry.deregister(c, "old-b");
            assertThat(guard.blockers(c, Release.of("1.10"))).isEmpty();
            assertThat(registry.live(c)).extracting(Instance::id).containsExactly("new-a");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void silentInstancesExpireAfterTheirTtlAndArePruned(TestDatabase db) throws Exception {
        InstanceRegistry registry = new InstanceRegistry(db.dialect());
        LiveInstancesGuard guard = new LiveInstancesGuard(registry);
        try (Connection c = db.connect()) {
            registry.register(c, reg("short", "1.1", Duration.ofSeconds(1)));
            registry.register(c, reg("long", "1.2", Duration.ofSeconds(60)));
            assertThat(guard.blockers(c, Release.of("1.2"))).hasSize(1);

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!guard.blockers(c, Release.of("1.2")).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(guard.blockers(c, Release.of("1.2"))).as("expired after its 1 s TTL").isEmpty();

            Instance expired = registry.find(c, "short").orElseThrow();
            assertThat(expired.live()).isFalse();
            assertThat(expired.sinceHeartbeat()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(expired.describe()).contains("expired after 1 s");
            assertThat(registry.all(c)).extracting(Instance::id).containsExactly("short", "long");

            assertThat(registry.prune(c)).isEqualTo(1);
            assertThat(registry.all(c)).extracting(Instance::id).containsExactly("long");
            assertThat(registry.prune(c)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aHeartbeatKeepsAnInstanceAliveAndRevivesAnExpiredOne(TestDatabase db) throws Exception {
        InstanceRegistry registry = new InstanceRegistry(db.dialect());
        try (Connection c = db.connect()) {
            registry.register(c, reg("beating", "1.1", Duration.ofSeconds(1)));
            Thread.sleep(1300);
            assertThat(registry.live(c)).isEmpty();
            assertThat(registry.heartbeat(c, "beating")).as("the row had expired").isEqualTo(Heartbeat.REVIVED);
            assertThat(registry.live(c)).extracting(Instance::id).containsExactly("beating");
            assertThat(registry.heartbeat(c, "beating")).as("live now").isEqualTo(Heartbeat.LIVE);
            assertThat(registry.heartbeat(c, "unknown")).isEqualTo(Heartbeat.MISSING);
            assertThat(registry.find(c, "unknown")).as("a missing row is not written").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void registeringAnExistingIdReplacesItsRow(TestDatabase db) throws Exception {
        InstanceRegistry registry = new InstanceRegistry(db.dialect());
        try (Connection c = db.connect()) {
            registry.register(c, reg("web-1", "1.1", Duration.ofSeconds(30)));
            registry.register(c, reg("web-1", "1.2", Duration.ofSeconds(45)).withMetadata("{\"build\":\"abc\"}")
                    .withPid(null));
            Instance only = registry.all(c).get(0);
            assertThat(registry.all(c)).hasSize(1);
            assertThat(only.release()).isEqualTo("1.2");
            assertThat(only.ttl()).isEqualTo(Duration.ofSeconds(45));
            assertThat(only.metadata()).isEqualTo("{\"build\":\"abc\"}");
            assertThat(only.pid()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.bellows.testing.Databases#both")
    void aReleaseNameThatIsNotAVersionBlocksContract(TestDatabase db) throws Exception {
        InstanceRegistry registry = new InstanceRegistry(db.dialect());
        try (Connection c = db.connect()) {
            registry.register(c, reg("odd", "1.1", Duration.ofSeconds(30)));
            db.execute("UPDATE " + db.dialect().quote(InstanceRegistry.TABLE) + " SET release_name = 'main-snapshot'");
            assertThat(new LiveInstancesGuard(registry).blockers(c, Release.of("1.0")))
                    .singleElement().asString().contains("unrecognised release 'main-snapshot'");
        }
    }
}
