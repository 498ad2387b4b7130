package dev.bellows.verify;

/**
 * The strongest lock a statement held on one relation.
 *
 * @param relation   identity of the table (for an index: of its table)
 * @param name       the relation's name
 * @param mode       the strongest mode held when the statement ended (or seen while it ran)
 * @param heldMillis run time of the statements from this one to COMMIT (the probes' own time between
 *                   statements left out), in ms; for statements outside a transaction, about how
 *                   long sampling saw it
 * @param sampled    true when seen by sampling from a second connection
 * @param taken      true when this statement took the lock or made it stronger; false when an earlier
 *                   statement of the same transaction took it and it was still held
 */
public record LockObservation(String relation, String name, LockMode mode, long heldMillis, boolean sampled,
                              boolean taken) {

    public String describe() {
        return mode.label() + " on " + name + " held " + held();
    }

    /** {@code 85 ms}, or {@code about 85 ms} when sampled. */
    public String held() {
        return (sampled ? "about " : "") + heldMillis + " ms";
    }
}
