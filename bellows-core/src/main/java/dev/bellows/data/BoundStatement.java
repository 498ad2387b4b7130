package dev.bellows.data;

import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A batch statement with its placeholders ({@code :from}, {@code :to}, {@code :batch_size}) turned
 * into JDBC parameters. Without placeholders it runs as plain SQL, exactly as written.
 *
 * @param source  the statement as split from the file
 * @param jdbcSql the SQL with each placeholder replaced by {@code ?}
 * @param params  the placeholders in order of appearance
 * @param where   {@code file:line} for messages
 */
public record BoundStatement(SqlStatement source, String jdbcSql, List<Param> params, String where) {

    public enum Param {
        FROM(":from"), TO(":to"), BATCH_SIZE(":batch_size");

        final String text;

        Param(String text) {
            this.text = text;
        }
    }

    public BoundStatement {
        params = List.copyOf(params);
    }

    /** Binds the placeholders of {@code s}; an unknown {@code :name} is an error naming file and line. */
    public static BoundStatement of(SqlStatement s, String file) {
        String where = file + ":" + s.line();
        StringBuilder sql = new StringBuilder();
        List<Param> params = new ArrayList<>();
        int copied = 0;
        for (Token t : s.tokens()) {
            if (t.type() != TokenType.PARAMETER || !t.text().startsWith(":")) {
                continue;
            }
            Param p = switch (t.text().toLowerCase(Locale.ROOT)) {
                case ":from" -> Param.FROM;
                case ":to" -> Param.TO;
                case ":batch_size" -> Param.BATCH_SIZE;
                default -> throw new BatchDefinitionException(file, t.line(), "unknown placeholder " + t.text()
                        + "; batch statements know :from and :to (keyed batches over a key range) and :batch_size");
            };
            sql.append(s.sql(), copied, t.start()).append('?');
            copied = t.end();
            params.add(p);
        }
        sql.append(s.sql().substring(copied));
        return new BoundStatement(s, sql.toString(), params, where);
    }

    public boolean has(Param p) {
        return params.contains(p);
    }

    /** Runs the statement; returns rows changed, or -1 when it returned a result set. */
    long execute(Connection c, long from, long to, int batchSize) throws SQLException {
        if (params.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.setEscapeProcessing(false);
                return st.execute(source.sql()) ? -1 : st.getLargeUpdateCount();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(jdbcSql)) {
            ps.setEscapeProcessing(false);
            for (int i = 0; i < params.size(); i++) {
                switch (params.get(i)) {
                    case FROM -> ps.setLong(i + 1, from);
                    case TO -> ps.setLong(i + 1, to);
                    case BATCH_SIZE -> ps.setInt(i + 1, batchSize);
                    default -> throw new IllegalStateException(params.get(i).name());
                }
            }
            return ps.execute() ? -1 : ps.getLargeUpdateCount();
        }
    }
}
