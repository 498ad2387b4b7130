package dev.bellows.instances;

import dev.bellows.model.Release;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision of {@code contract=auto}, at database times the test chooses. */
class AutoContractTest {

    private static final Instant T0 = Instant.parse("2026-12-07T04:00:00Z");
    private static final Optional<Release> V13 = Optional.of(Release.of("1.3"));

    private final AutoContract policy = new AutoContract(Duration.ofMinutes(10));
    private Instant now = T0;

    private static Instance live(String id, String release) {
        return new Instance(id, release, "host", 1L, T0, T0, Duration.ofSeconds(30), null, Duration.ZERO, true);
    }

    @Test
    void waitsForTheDelayThenRuns() {
        AutoContract.Decision first = policy.decide(V13, List.of(live("a", "1.3"), live("b", "1.3")), Optional.empty(),
                "a", V13.get(), now);
        assertThat(first).isInstanceOfSatisfying(AutoContract.Decision.Wait.class, w -> {
            assertThat(w.started()).isTrue();
            assertThat(w.pending().release()).isEqualTo(Release.of("1.3"));
            assertThat(w.pending().due()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(w.pending().decidedBy()).isEqualTo("a");
        });
        PendingContract pending = ((AutoContract.Decision.Wait) first).pending();

        now = T0.plus(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(policy.decide(V13, List.of(live("b", "1.3")), Optional.of(pending), "b", V13.get(), now))
                .isInstanceOfSatisfying(AutoContract.Decision.Wait.class, w -> assertThat(w.started()).isFalse());

        now = T0.plus(Duration.ofMinutes(10));
        assertThat(policy.decide(V13, List.of(live("b", "1.3")), Optional.of(pending), "b", V13.get(), now))
                .isInstanceOfSatisfying(AutoContract.Decision.Run.class, r -> assertThat(r.pending()).isEqualTo(pending));
    }

    @Test
    void anOlderInstanceBlocksAndTheWaitStartsAgainWhenItIsGone() {
        PendingContract pending = new PendingContract(Release.of("1.3"), T0, T0.plus(Duration.ofMinutes(10)), "a");
        now = T0.plus(Duration.ofMinutes(11));
        assertThat(policy.decide(V13, List.of(live("a", "1.3"), live("old", "1.2")), Optional.of(pending), "a", V13.get(), now))
                .isInstanceOfSatisfying(AutoContract.Decision.Blocked.class,
                        b -> assertThat(b.older()).extracting(Instance::id).containsExactly("old"));

        // after a cancellation the table is empty: the wait starts from now, not from the old start
        assertThat(policy.decide(V13, List.of(live("a", "1.3")), Optional.empty(), "a", V13.get(), now))
                .isInstanceOfSatisfying(AutoContract.Decision.Wait.class,
                        w -> assertThat(w.pending().due()).isEqualTo(now.plus(Duration.ofMinutes(10))));
    }

    @Test
    void anOlderInstanceWhoseOwnRowExpiredStillBlocksItself() {
        // a 1.2 instance whose heartbeat stalled past its TTL is missing from the live list, yet it runs:
        // it must not start a wait for contract 1.3, and it cancels one that a 1.3 instance started
        PendingContract pending = new PendingContract(Release.of("1.3"), T0, T0.plus(Duration.ofMinutes(10)), "b");
        assertThat(policy.decide(V13, List.of(live("b", "1.3")), Optional.empty(), "a", Release.of("1.2"), now))
                .isInstanceOfSatisfying(AutoContract.Decision.Blocked.class, b -> {
                    assertThat(b.selfOlder()).isTrue();
                    assertThat(b.older()).isEmpty();
                });
        now = T0.plus(Duration.ofMinutes(11));
        assertThat(policy.decide(V13, List.of(live("b", "1.3")), Optional.of(pending), "a", Release.of("1.2"), now))
                .isInstanceOf(AutoContract.Decision.Blocked.class);
    }

    @Test
    void anUnrecognisedReleaseCountsAsOlder() {
        assertThat(policy.decide(V13, List.of(live("a", "1.3"), live("x", "blue")), Optional.empty(), "a", V13.get(), now))
                .isInstanceOf(AutoContract.Decision.Blocked.class);
    }

    @Test
    void newerInstancesDoNotBlock() {
        assertThat(policy.decide(V13, List.of(live("a", "1.4")), Optional.empty(), "a", V13.get(), now))
                .isInstanceOf(AutoContract.Decision.Wait.class);
    }

    @Test
    void nothingReadyOrNobodyLiveIsIdle() {
        assertThat(policy.decide(Optional.empty(), List.of(live("a", "1.3")), Optional.empty(), "a", V13.get(), now))
                .isInstanceOf(AutoContract.Decision.Idle.class);
        assertThat(policy.decide(V13, List.of(), Optional.empty(), "a", V13.get(), now)).isInstanceOf(AutoContract.Decision.Idle.class);
    }

    @Test
    void aWaitForAnotherReleaseIsReplaced() {
        PendingContract old = new PendingContract(Release.of("1.2"), T0.minusSeconds(3600), T0.minusSeconds(60), "z");
        assertThat(policy.decide(V13, List.of(live("a", "1.3")), Optional.of(old), "a", V13.get(), now))
                .isInstanceOfSatisfying(AutoContract.Decision.Wait.class, w -> {
                    assertThat(w.started()).isTrue();
                    assertThat(w.pending().release()).isEqualTo(Release.of("1.3"));
                });
    }

    @Test
    void zeroDelayRunsAtTheNextCheck() {
        AutoContract immediate = new AutoContract(Duration.ZERO);
        AutoContract.Decision first = immediate.decide(V13, List.of(live("a", "1.3")), Optional.empty(), "a", V13.get(), now);
        PendingContract p = ((AutoContract.Decision.Wait) first).pending();
        assertThat(immediate.decide(V13, List.of(live("a", "1.3")), Optional.of(p), "a", V13.get(), now))
                .isInstanceOf(AutoContract.Decision.Run.class);
    }
}
