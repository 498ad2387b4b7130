package dev.bellows.verify;

/**
 * Sequential scans of a table during one statement ({@code pg_stat_xact_user_tables}).
 *
 * @param table     identity of the table
 * @param name      its name
 * @param scans     number of sequential scans started
 * @param rowsRead  rows those scans read
 */
public record TableScan(String table, String name, long scans, long rowsRead) {
}
