package dev.bellows.queries;

import java.util.List;

/**
 * One distinct statement of a query manifest.
 *
 * @param sql            the statement as the application sends it, parameters as placeholders ({@code ?} or
 *                       {@code $1}); several statements when the application sent them in one string
 * @param parameterTypes the JDBC types (names of {@link java.sql.JDBCType}) the application bound, in order;
 *                       empty when unknown (imported from statistics, or written by hand without them)
 * @param count          how often the application sent it while it was captured (0: unknown)
 * @param line           1-based line of the statement in its manifest file
 * @param statements     how many statements the entry holds (more than 1 cannot be prepared alone)
 */
public record QueryEntry(String sql, List<String> parameterTypes, long count, int line, int statements) {

    public QueryEntry {
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** The statement on one line, shortened for messages. */
    public String brief() {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() <= 100 ? flat : flat.substring(0, 97) + "...";
    }
}
