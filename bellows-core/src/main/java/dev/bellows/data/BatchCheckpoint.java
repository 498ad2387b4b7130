package dev.bellows.data;

/**
 * The stored progress of one batched statement: kept in {@code bellows_batch_progress}, written in
 * the same transaction as each batch, so after a crash it says exactly what was committed.
 *
 * @param migration  the migration's id
 * @param statement  1-based statement of the file
 * @param startKey   first key of a keyed walk (null otherwise)
 * @param nextKey    the next key range starts here; every key below it is done (null when not keyed)
 * @param endKey     the walk ends before this key: max(key) + 1 read when the walk started (null when not keyed)
 * @param rows       rows changed so far
 * @param batches    batches committed so far
 * @param batchSize  the adapted size when the last batch committed
 */
public record BatchCheckpoint(String migration, int statement, Long startKey, Long nextKey, Long endKey, long rows,
                              long batches, int batchSize) {
}
