package dev.bellows.instances;

import dev.bellows.model.Release;

import java.time.Duration;
import java.time.Instant;

/**
 * An automatic contract that is waiting for its delay to pass: since {@code since} every live instance
 * runs {@code release} (or newer) and its migrate phase is complete; {@code contract(release)} runs at
 * {@code due} unless an older instance comes back first. Kept in {@code bellows_auto_contract} so that
 * every instance and the CLI's {@code status} see the same one. {@code since} and {@code due} are times of the
 * database's clock; pass its current time ({@link InstanceRegistry#databaseNow}) wherever a {@code now} is asked.
 *
 * @param decidedBy the instance that started the wait
 */
public record PendingContract(Release release, Instant since, Instant due, String decidedBy) {

    /** How long until it is due (zero or negative when due). */
    public Duration dueIn(Instant now) {
        return Duration.between(now, due);
    }

    /** E.g. {@code automatic contract of 1.3 due at 2026-12-07T04:10:00Z (in 9m 58s)}. */
    public String describe(Instant now) {
        Duration left = dueIn(now);
        return "automatic contract of " + release + " due at " + due
                + (left.isNegative() || left.isZero() ? " (due now)" : " (in " + Ages.format(left) + ")")
                + ", pending since " + since + " (started by instance " + decidedBy + ")";
    }
}
