package dev.bellows.data;

/**
 * One batched statement (or Java migration) to run to completion.
 *
 * @param migration the migration's id, the checkpoint's key
 * @param statement 1-based statement number in the file (1 for Java)
 * @param where     {@code file:line} (or the class name) for messages
 * @param work      what each batch does
 */
public record BatchJob(String migration, int statement, String where, BatchWork work) {
}
