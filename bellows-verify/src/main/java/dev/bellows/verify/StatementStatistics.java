package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;
import dev.bellows.db.Dialect;
import dev.bellows.queries.ManifestFormat;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the statements an application really sent from the database's own statement statistics,
 * read-only: {@code pg_stat_statements} on PostgreSQL, {@code performance_schema.events_statements_summary_by_digest}
 * on MySQL/MariaDB. Only queries and data changes on the application's tables (the tables of the
 * connected schema, Bellows' own left out) are kept; their constants are already placeholders there.
 */
public abstract class StatementStatistics {

    /** What an import kept and left out. */
    public record Imported(List<ManifestFormat.Captured> statements, int seen, int otherTables, int notQueries) {
    }

    public static StatementStatistics forDialect(Dialect dialect) {
        return switch (dialect.id()) {
            case "postgresql" -> new Postgres();
            case "mysql" -> new MySql();
            default -> throw new ConfigurationException("cannot import statement statistics from " + dialect.id());
        };
    }

    /** Reads the statistics in a read-only transaction that is rolled back. */
    public Imported read(Connection c) {
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                requireAvailable(c);
                Set<String> tables = applicationTables(c);
                List<ManifestFormat.Captured> kept = new ArrayList<>();
                int seen = 0;
                int otherTables = 0;
                int notQueries = 0;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(statisticsQuery())) {
                    while (rs.next()) {
                        String sql = rs.getString(1);
                        long calls = rs.getLong(2);
                        if (sql == null || sql.isBlank()) {
                            continue;
                        }
                        seen++;
                        List<SqlStatement> split;
                        try {
                            split = SqlSplitter.split(sql, syntax()).statements();
                        } catch (RuntimeException e) {
                            notQueries++;
                            continue;
                        }
                        if (split.size() != 1 || !QUERY_VERBS.contains(split.get(0).first().text()
                                .toUpperCase(Locale.ROOT))) {
                            notQueries++;
                            continue;
                        }
                        if (!usesOnly(split.get(0), tables)) {
                            otherTables++;
                            continue;
                        }
                        kept.add(new ManifestFormat.Captured(sql.strip(), List.of(), calls));
                    }
                }
                return new Imported(kept, seen, otherTables, notQueries);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the statement statistics: " + e.getMessage(), e);
        }
    }

    private static final Set<String> QUERY_VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES",
            "TABLE", "MERGE", "REPLACE");

    /**
     * Whether the statement names at least one of the application's tables and nothing of Bellows'
     * own or of the system catalogs.
     */
    private static boolean usesOnly(SqlStatement s, Set<String> tables) {
        boolean app = false;
        for (Token t : s.tokens()) {
            if (t.type() != TokenType.WORD && t.type() != TokenType.QUOTED_IDENTIFIER) {
                continue;
            }
            String id = t.identifier().toLowerCase(Locale.ROOT);
            if (id.startsWith("bellows_") || id.equals("pg_catalog") || id.equals("information_schema")
                    || id.equals("performance_schema") || id.startsWith("pg_stat")) {
                return false;
            }
            app |= tables.contains(id);
        }
        return app;
    }

    abstract SqlSyntax syntax();

    abstract void requireAvailable(Connection c) throws SQLException;

    abstract Set<String> applicationTables(Connection c) throws SQLException;

    abstract String statisticsQuery();

    static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static final class Postgres extends StatementStatistics {
        @Override
        SqlSyntax syntax() {
            return SqlSyntax.POSTGRESQL;
        }

        @Override
        void requireAvailable(Connection c) throws SQLException {
            if (strings(c, "SELECT extname FROM pg_extension WHERE extname = 'pg_stat_statements'").isEmpty()) {
                throw new ConfigurationException("pg_stat_statements is not installed in this database: load it with "
                        + "shared_preload_libraries = 'pg_stat_statements' in postgresql.conf (a restart), then run "
                        + "CREATE EXTENSION pg_stat_statements; in the application's database (Bellows only reads it)");
            }
        }

        @Override
        Set<String> applicationTables(Connection c) throws SQLException {
            return strings(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY (current_schemas(false)) "
                    + "AND c.relname NOT LIKE 'bellows\\_%' AND c.relname NOT LIKE 'pg\\_stat\\_statements%'");
        }

        @Override
        String statisticsQuery() {
            return "SELECT query, sum(calls)::bigint FROM pg_stat_statements "
                    + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                    + "GROUP BY query ORDER BY query";
        }
    }

    static final class MySql extends StatementStatistics {
        @Override
        SqlSyntax syntax() {
            return SqlSyntax.MYSQL;
        }

        @Override
        void requireAvailable(Connection c) throws SQLException {
            if (!strings(c, "SELECT @@performance_schema").contains("1")) {
                throw new ConfigurationException("performance_schema is OFF on this server: start it with "
                        + "performance_schema=ON (in my.cnf, [mysqld] section; a restart) so that "
                        + "performance_schema.events_statements_summary_by_digest is filled (Bellows only reads it)");
            }
        }

        @Override
        Set<String> applicationTables(Connection c) throws SQLException {
            return strings(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                    + "AND table_name NOT LIKE 'bellows\\_%'");
        }

        @Override
        String statisticsQuery() {
            return "SELECT DIGEST_TEXT, SUM(COUNT_STAR) FROM performance_schema.events_statements_summary_by_digest "
                    + "WHERE SCHEMA_NAME = DATABASE() AND DIGEST_TEXT IS NOT NULL GROUP BY DIGEST_TEXT ORDER BY DIGEST_TEXT";
        }
    }
}
