package dev.bellows.data;

/**
 * One batched statement (or Java migration) to run to completion.
 *
 * @param migration the migration's id, the checkpoint's key
 * @param statement 1-based statement number in the file (1 for Java)
 * @param where     {@code file:line} (or the class name) for messages
 * @param work      what each batch does
 * @param text      what the job runs (the statement's SQL, or the class name), so that a resumed job can
 *                  tell it was edited since its checkpoint was written
 */
public record BatchJob(String migration, int statement, String where, BatchWork work, String text) {

    public BatchJob(String migration, int statement, String where, BatchWork work) {
        this(migration, statement, where, work, where);
    }

    /** SHA-256 of {@link #text()}. */
    public String checksum() {
        return dev.bellows.load.MigrationLoader.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
