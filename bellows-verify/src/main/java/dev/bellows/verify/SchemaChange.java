package dev.bellows.verify;

/**
 * One difference between two catalog snapshots.
 *
 * @param kind     added, dropped, renamed or altered
 * @param before   the object before (null when added)
 * @param after    the object after (null when dropped)
 * @param property for {@link Kind#ALTERED}: the property that changed (e.g. {@code type}), else null
 */
public record SchemaChange(Kind kind, SchemaObject before, SchemaObject after, String property) {

    public enum Kind { ADDED, DROPPED, RENAMED, ALTERED }

    /** The object as it is now, or as it was when dropped. */
    public SchemaObject object() {
        return after != null ? after : before;
    }

    /** The identity the object had before (for a rename paired from a drop and an add: the old one). */
    public String identity() {
        return before != null ? before.identity() : after.identity();
    }

    public String oldValue() {
        return before == null ? null : before.property(property);
    }

    public String newValue() {
        return after == null ? null : after.property(property);
    }

    /** {@code dropped column books.legacy_code}, {@code changed type of column books.n from integer to bigint}. */
    public String describe() {
        return switch (kind) {
            case ADDED -> "added " + after.describe();
            case DROPPED -> "dropped " + before.describe();
            case RENAMED -> "renamed " + before.describe() + " to " + after.name();
            case ALTERED -> "changed " + property + " of " + after.describe() + " from "
                    + show(oldValue()) + " to " + show(newValue());
        };
    }

    private static String show(String v) {
        return v == null ? "none" : v;
    }
}
