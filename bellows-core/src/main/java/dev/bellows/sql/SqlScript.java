package dev.bellows.sql;

import java.util.List;

/** A split script: its statements in order, and every comment in the file (for headers and waivers). */
public record SqlScript(List<SqlStatement> statements, List<SqlComment> comments) {

    public SqlScript {
        statements = List.copyOf(statements);
        comments = List.copyOf(comments);
    }
}
