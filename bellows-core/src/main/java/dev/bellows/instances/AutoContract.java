package dev.bellows.instances;

import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.run.SchemaState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides, tick by tick, whether {@code contract(N)} may run on its own ({@code contract=auto}): the
 * oldest release N whose expand and migrate are complete and whose contract is pending, every live
 * instance on N or newer, and that held for {@code delay} (so a rollback can still happen). Any live
 * instance older than N cancels a waiting contract; the wait starts again when the last one is gone.
 * Plain Java over what the caller read, including the time: {@code now} is the database's clock (as
 * {@link InstanceRegistry#databaseNow} reads it), the clock liveness is judged by, so instances whose own
 * clocks disagree still agree on when a contract is due. Nothing here touches a database.
 */
public final class AutoContract {

    private final Duration delay;

    public AutoContract(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new dev.bellows.ConfigurationException("contract delay " + delay + " is not usable: give zero or "
                    + "more, e.g. 10m");
        }
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }

    /** What to do now. */
    public sealed interface Decision {
        /** No release is ready to contract: forget any waiting contract. */
        record Idle(String reason) implements Decision {
        }

        /**
         * An older instance is live: cancel the waiting contract of {@code release}, if any. {@code selfOlder}
         * says the deciding instance itself runs an older release (it is live, whatever its row says).
         */
        record Blocked(Release release, List<Instance> older, boolean selfOlder) implements Decision {
        }

        /** Wait: {@code pending} is the (possibly new) waiting contract to keep. */
        record Wait(PendingContract pending, boolean started) implements Decision {
        }

        /** The delay has passed: run {@code contract(pending.release())} under the migrator lock. */
        record Run(PendingContract pending) implements Decision {
        }
    }

    /**
     * The release the next contract would contract: the oldest with a pending contract whose expand and
     * migrate are complete (files applied and marked). Empty when none is ready.
     */
    public static Optional<Release> candidate(SchemaState state) {
        for (Release r : state.migrations().releases()) {
            if (state.hasMarker(r, Phase.CONTRACT) && state.filesApplied(r, Phase.CONTRACT)) {
                continue;
            }
            boolean ready = state.hasMarker(r, Phase.EXPAND) && state.filesApplied(r, Phase.EXPAND)
                    && state.hasMarker(r, Phase.MIGRATE) && state.filesApplied(r, Phase.MIGRATE);
            return ready ? Optional.of(r) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * @param candidate the release ready to contract ({@link #candidate(SchemaState)})
     * @param live      the live instances, as the registry reports them now
     * @param pending   the waiting contract as stored, if any
     * @param self      this instance's id, recorded as the one that started a wait
     * @param selfRelease the release this instance runs. The deciding instance is live by definition, even
     *                    when its own row has expired (a heartbeat stalled past the TTL): an instance older
     *                    than the candidate never starts or keeps a wait for it.
     * @param now         the database's current time, read with {@code live}: a wait starts at it and is due
     *                    when it reaches the stored due time. Never the deciding instance's own clock.
     */
    public Decision decide(Optional<Release> candidate, List<Instance> live, Optional<PendingContract> pending,
                           String self, Release selfRelease, Instant now) {
        if (candidate.isEmpty()) {
            return new Decision.Idle("no release has expand and migrate complete with contract pending");
        }
        Release n = candidate.get();
        List<Instance> older = live.stream()
                .filter(i -> i.runsOlderThan(n))
                .toList();
        boolean selfOlder = selfRelease.compareTo(n) < 0;
        if (!older.isEmpty() || selfOlder) {
            return new Decision.Blocked(n, older, selfOlder);
        }
        if (live.isEmpty()) {
            return new Decision.Idle("no live instance runs " + n + " yet");
        }
        if (pending.isEmpty() || !pending.get().release().equals(n)) {
            return new Decision.Wait(new PendingContract(n, now, now.plus(delay), self), true);
        }
        PendingContract p = pending.get();
        return now.isBefore(p.due()) ? new Decision.Wait(p, false) : new Decision.Run(p);
    }
}
