package dev.bellows.data;

/**
 * What one run of a batched statement did.
 *
 * @param finished false when it stopped at the batch budget (a rerun continues)
 * @param rows     rows changed in this run
 * @param batches  batches committed in this run
 * @param backoffs times it backed off because other sessions waited on its locks
 */
public record BatchRun(boolean finished, long rows, long batches, int backoffs) {
}
