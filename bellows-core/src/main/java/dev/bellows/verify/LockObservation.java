package dev.bellows.verify;

/**
 * The strongest lock a statement held on one relation.
 *
 * @param relation   identity of the table (for an index: of its table)
 * @param name       the relation's name
 * @param mode       the strongest mode held when the statement ended (or seen while it ran)
 * @param heldMillis from the statement's start until the lock was released (commit), in ms;
 *                   sampled (approximate) for statements that run outside a transaction
 * @param sampled    true when seen by sampling from a second connection
 */
public record LockObservation(String relation, String name, LockMode mode, long heldMillis, boolean sampled) {

    public String describe() {
        return mode.label() + " on " + name + (sampled ? " (sampled) held ~" : " held ") + heldMillis + " ms";
    }
}
