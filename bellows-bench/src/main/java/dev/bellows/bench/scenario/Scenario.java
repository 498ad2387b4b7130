package dev.bellows.bench.scenario;

import dev.bellows.cli.demo.AppRelease;

import java.util.List;
import java.util.Map;

/**
 * One kind of schema change teams fear, as a rolling upgrade from release 1.0 to 2.0 of a small
 * application: the schema of 1.0 and its seed data, what each release's instances send, the Bellows
 * migrations of 2.0 (expand / migrate / contract) and the naive migration a team would otherwise
 * write, each for PostgreSQL and MariaDB.
 */
interface Scenario {

    /** Short id, e.g. {@code rename-column}. */
    String id();

    /** One line for people. */
    String title();

    /** Why this scenario does not run on that database yet, or null when it does. */
    default String unsupported(Target target) {
        return null;
    }

    /** Release 1.0's migration files (path under the migrations directory, e.g. {@code 1.0/expand/001_x.sql}). */
    Map<String, String> release10(Target target);

    /** Statements that put {@code rows} rows (ids 1..rows) in the tables of release 1.0. */
    List<String> seed(Target target, long rows);

    AppRelease oldRelease();

    AppRelease newRelease();

    /** Release 2.0's migration files, the Bellows way. */
    Map<String, String> release20(Target target);

    /** The same change the naive way: statements run in one go (one transaction where the database can). */
    List<String> naive(Target target);

    /** A query counting the rows that are wrong for release 2.0 after the Bellows way (must be 0). */
    String check(Target target);
}
