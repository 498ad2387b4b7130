package dev.bellows.sql;

import java.util.List;

/**
 * One statement of a script: its text without the terminating delimiter, its 1-based line and
 * column, its offset in the file, its tokens (comments excluded), and the comments between the
 * previous statement and the end of this one (the {@linkplain #leadingComments() leading} ones are
 * those before its first token).
 */
public record SqlStatement(String sql, int line, int column, int offset, List<Token> tokens,
                           List<SqlComment> comments) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
        comments = List.copyOf(comments);
    }

    /** Comments that come before the statement's first token. */
    public List<SqlComment> leadingComments() {
        return comments.stream()
                .filter(c -> c.line() < line || (c.line() == line && c.column() < column))
                .toList();
    }

    /** The first token that is not {@code skip}-able, e.g. the statement's verb. */
    public Token first() {
        return tokens.get(0);
    }

    /** True when the statement's tokens start with the given keywords, ignoring case. */
    public boolean startsWith(String... keywords) {
        if (tokens.size() < keywords.length) {
            return false;
        }
        for (int i = 0; i < keywords.length; i++) {
            if (!tokens.get(i).is(keywords[i])) {
                return false;
            }
        }
        return true;
    }
}
