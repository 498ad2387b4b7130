package dev.bellows.data;

import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A batch statement split at its placeholders ({@code :from}, {@code :to}, {@code :batch_size}).
 * Each batch runs it with the numbers written into the text, never as bind parameters: the planner
 * then sees the real range and picks an index range scan, where a generic plan for
 * {@code id >= $1 AND id < $2} may scan the whole table on every batch. Without placeholders it runs
 * exactly as written.
 *
 * @param source the statement as split from the file
 * @param parts  the text around the placeholders: one more part than placeholders
 * @param params the placeholders in order of appearance
 * @param where  {@code file:line} for messages
 */
public record BoundStatement(SqlStatement source, List<String> parts, List<Param> params, String where) {

    public enum Param {
        FROM, TO, BATCH_SIZE
    }

    public BoundStatement {
        parts = List.copyOf(parts);
        params = List.copyOf(params);
        if (parts.size() != params.size() + 1) {
            throw new IllegalArgumentException("parts must surround the placeholders");
        }
    }

    /** Finds the placeholders of {@code s}; an unknown {@code :name} is an error naming file and line. */
    public static BoundStatement of(SqlStatement s, String file) {
        List<String> parts = new ArrayList<>();
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
            parts.add(s.sql().substring(copied, t.start()));
            copied = t.end();
            params.add(p);
        }
        parts.add(s.sql().substring(copied));
        return new BoundStatement(s, parts, params, file + ":" + s.line());
    }

    /**
     * The statement as one single run over every key and with an unlimited batch size, for tools
     * that run each statement once (the verifier's shadow run): {@code :from} and {@code :to} become
     * the smallest and largest bigint, {@code :batch_size} the largest int. Statements without these
     * placeholders, or with others, come back as written.
     */
    public static String wholeRange(SqlStatement s) {
        boolean any = s.tokens().stream().anyMatch(t -> t.type() == TokenType.PARAMETER && t.text().startsWith(":"));
        if (!any) {
            return s.sql();
        }
        try {
            return of(s, "").sql(Long.MIN_VALUE + 1, Long.MAX_VALUE, Integer.MAX_VALUE);
        } catch (BatchDefinitionException e) {
            return s.sql();
        }
    }

    public boolean has(Param p) {
        return params.contains(p);
    }

    /** The statement's text with the placeholders replaced by these values. */
    public String sql(long from, long to, int batchSize) {
        StringBuilder sb = new StringBuilder(parts.get(0));
        for (int i = 0; i < params.size(); i++) {
            sb.append(switch (params.get(i)) {
                case FROM -> from;
                case TO -> to;
                case BATCH_SIZE -> batchSize;
            }).append(parts.get(i + 1));
        }
        return sb.toString();
    }

    /** Runs one batch; returns rows changed, or -1 when the statement returned a result set. */
    long execute(Connection c, long from, long to, int batchSize) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            return st.execute(sql(from, to, batchSize)) ? -1 : st.getLargeUpdateCount();
        }
    }
}
