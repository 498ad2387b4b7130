package dev.bellows.lint;

/**
 * How to lint.
 *
 * @param dialect      the database the migrations are written for
 * @param pgVersion    the oldest PostgreSQL version the migrations must be safe on
 * @param mysqlVersion the oldest MySQL (8.x) or MariaDB (10.x/11.x) version
 * @param queries      the releases' query manifests (none: the manifest rules have nothing to check)
 * @param stats        table sizes of the target database (from {@code --url} or {@code --stats FILE}), or null:
 *                     lock and rewrite findings then say the table's size, and on small tables become warnings
 */
public record LintOptions(LintDialect dialect, ServerVersion pgVersion, ServerVersion mysqlVersion,
                          dev.bellows.queries.QueryManifests queries, TableStats stats) {

    public LintOptions(LintDialect dialect, ServerVersion pgVersion, ServerVersion mysqlVersion) {
        this(dialect, pgVersion, mysqlVersion, dev.bellows.queries.QueryManifests.none(), null);
    }

    public LintOptions(LintDialect dialect, ServerVersion pgVersion, ServerVersion mysqlVersion,
                       dev.bellows.queries.QueryManifests queries) {
        this(dialect, pgVersion, mysqlVersion, queries, null);
    }

    public LintOptions withStats(TableStats s) {
        return new LintOptions(dialect, pgVersion, mysqlVersion, queries, s);
    }

    public static final ServerVersion DEFAULT_PG = new ServerVersion(12, 0, 0);
    public static final ServerVersion DEFAULT_MYSQL = new ServerVersion(8, 0, 0);

    public LintOptions {
        if (dialect == null) {
            throw new IllegalArgumentException("dialect is required");
        }
        pgVersion = pgVersion == null ? DEFAULT_PG : pgVersion;
        mysqlVersion = mysqlVersion == null ? DEFAULT_MYSQL : mysqlVersion;
        queries = queries == null ? dev.bellows.queries.QueryManifests.none() : queries;
    }

    public static LintOptions of(LintDialect dialect) {
        return new LintOptions(dialect, null, null);
    }

    public LintOptions withPgVersion(ServerVersion v) {
        return new LintOptions(dialect, v, mysqlVersion, queries, stats);
    }

    public LintOptions withMysqlVersion(ServerVersion v) {
        return new LintOptions(dialect, pgVersion, v, queries, stats);
    }

    public LintOptions withQueries(dev.bellows.queries.QueryManifests q) {
        return new LintOptions(dialect, pgVersion, mysqlVersion, q, stats);
    }
}
