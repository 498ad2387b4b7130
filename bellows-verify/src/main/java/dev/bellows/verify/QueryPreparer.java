package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.db.Dialect;
import dev.bellows.queries.QueryEntry;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;

import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares a manifest statement on the shadow database without running it: the server parses it,
 * resolves every name and, with the parameter types the application bound, every operator and
 * function. One implementation per dialect.
 */
interface QueryPreparer {

    static QueryPreparer forDialect(Dialect dialect) {
        return switch (dialect.id()) {
            case "postgresql" -> new Postgres();
            case "mysql" -> new MySql();
            default -> throw new ConfigurationException("verify cannot prepare queries on dialect " + dialect.id());
        };
    }

    /** A connection whose prepared statements are prepared by the server, not emulated by the driver. */
    Connection connect(ShadowConnector connector) throws SQLException;

    /** Parses and describes the statement on the server; null when it prepares, else the server's message. */
    default String prepare(Connection c, QueryEntry entry) {
        try (PreparedStatement ps = c.prepareStatement(entry.sql())) {
            List<String> types = entry.parameterTypes();
            for (int i = 0; i < types.size(); i++) {
                int type = JDBCType.valueOf(types.get(i)).getVendorTypeNumber();
                try {
                    ps.setNull(i + 1, type);
                } catch (SQLException unsupported) {
                    ps.setNull(i + 1, Types.OTHER);
                }
            }
            describe(ps);
            return null;
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
            return message.replaceAll("\\s*\\n\\s*", " ");
        }
    }

    /** Makes the driver send the statement to the server for parsing and description, without executing it. */
    void describe(PreparedStatement ps) throws SQLException;

    SqlSyntax syntax();

    /** Why the statement cannot be prepared alone, or empty when it can. */
    default Optional<String> unpreparable(QueryEntry entry) {
        if (entry.statements() > 1) {
            return Optional.of("several statements sent as one string");
        }
        List<SqlStatement> split;
        try {
            split = SqlSplitter.split(entry.sql(), syntax()).statements();
        } catch (RuntimeException e) {
            return Optional.of("cannot be split: " + e.getMessage());
        }
        if (split.size() != 1) {
            return Optional.of(split.isEmpty() ? "no statement" : "several statements sent as one string");
        }
        String verb = split.get(0).first().text().toUpperCase(Locale.ROOT);
        if (!preparable().contains(verb)) {
            return Optional.of(verb + " is not a query or data change (only " + String.join(", ", preparable().stream()
                    .sorted().toList()) + " are prepared)");
        }
        return Optional.empty();
    }

    Set<String> preparable();

    /**
     * pgjdbc's {@code getParameterMetaData()} sends Parse and Describe (no Bind, no Execute): the
     * server resolves names and types with the parameter types set by {@code setNull}, the same
     * types the application's {@code setInt}, {@code setString}, … send.
     */
    final class Postgres implements QueryPreparer {
        @Override
        public Connection connect(ShadowConnector connector) throws SQLException {
            return connector.connect();
        }

        /**
         * Statements with {@code $1} placeholders (as pg_stat_statements shows them) go through SQL
         * {@code PREPARE} and {@code DEALLOCATE}: their parameter types are unknown and inferred by the server.
         */
        @Override
        public String prepare(Connection c, QueryEntry entry) {
            if (!numbered(entry.sql())) {
                return QueryPreparer.super.prepare(c, entry);
            }
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PREPARE bellows_manifest_check AS " + entry.sql());
                st.execute("DEALLOCATE bellows_manifest_check");
                return null;
            } catch (SQLException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
                return message.replaceAll("\\s*\\n\\s*", " ");
            }
        }

        private static boolean numbered(String sql) {
            try {
                return SqlSplitter.split(sql, SqlSyntax.POSTGRESQL).statements().stream()
                        .flatMap(s -> s.tokens().stream())
                        .anyMatch(t -> t.type() == dev.bellows.sql.TokenType.PARAMETER && t.text().startsWith("$"));
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void describe(PreparedStatement ps) throws SQLException {
            ps.getParameterMetaData();
        }

        @Override
        public SqlSyntax syntax() {
            return SqlSyntax.POSTGRESQL;
        }

        @Override
        public Set<String> preparable() {
            return Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES", "TABLE", "MERGE");
        }
    }

    /**
     * MariaDB Connector/J with {@code useServerPrepStmts=true} sends COM_STMT_PREPARE: the server
     * resolves tables and columns (MySQL/MariaDB convert parameter types at execution, so types are
     * checked less than on PostgreSQL). Digest texts shortened by the server ({@code ...}) are skipped.
     */
    final class MySql implements QueryPreparer {
        @Override
        public Connection connect(ShadowConnector connector) throws SQLException {
            java.util.Properties p = new java.util.Properties();
            if (connector.user() != null) {
                p.setProperty("user", connector.user());
            }
            if (connector.password() != null) {
                p.setProperty("password", connector.password());
            }
            p.setProperty("useServerPrepStmts", "true");
            return java.sql.DriverManager.getConnection(dev.bellows.db.ConnectionSettings.driverUrl(connector.url()), p);
        }

        @Override
        public void describe(PreparedStatement ps) throws SQLException {
            ps.getParameterMetaData();
        }

        @Override
        public SqlSyntax syntax() {
            return SqlSyntax.MYSQL;
        }

        @Override
        public Set<String> preparable() {
            return Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES", "TABLE", "REPLACE");
        }

        @Override
        public Optional<String> unpreparable(QueryEntry entry) {
            if (entry.sql().contains("...")) {
                return Optional.of("shortened by the server's statement statistics ('...')");
            }
            return QueryPreparer.super.unpreparable(entry);
        }
    }
}
