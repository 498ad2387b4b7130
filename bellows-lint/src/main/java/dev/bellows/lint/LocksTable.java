package dev.bellows.lint;

/**
 * Marks a rule whose findings are a lock, scan, rewrite or copy of the statement's table: how long
 * it blocks depends on the table's size, so with {@link TableStats} its findings say the size, and
 * on a table below the size threshold they become warnings.
 */
public interface LocksTable {
}
