package dev.bellows.lint.parse;

import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.SqlSyntaxException;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SQL a PostgreSQL {@code DO} block, or a PL/pgSQL or SQL function or procedure called by the
 * migration, runs: its static statements (DDL and DML that PL/pgSQL runs as written), with their
 * positions in the file, and whether it also runs dynamic SQL ({@code EXECUTE 'text'}), which no
 * static reading can see.
 *
 * @param statements the static statements, positioned in the migration file
 * @param dynamic    where the block runs dynamic SQL ({@code EXECUTE}), or null
 */
public record BlockBody(List<SqlStatement> statements, Token dynamic) {

    private static final Set<String> SQL_VERBS = Set.of("alter", "create", "drop", "update", "insert", "delete",
            "truncate", "comment", "grant", "revoke", "lock", "reindex", "cluster", "refresh", "merge");
    private static final Set<String> OPENERS = Set.of("begin", "then", "else", "loop");

    public BlockBody {
        statements = List.copyOf(statements);
    }

    private static final BlockBody EMPTY = new BlockBody(List.of(), null);

    /** The body of a {@code DO} statement; empty when it is not PL/pgSQL or cannot be read. */
    public static BlockBody of(ParsedStatement doStatement) {
        if (doStatement.verb() != Verb.DO) {
            return EMPTY;
        }
        Token body = null;
        for (Token t : doStatement.source().tokens()) {
            if (t.type() == TokenType.DOLLAR_STRING || t.type() == TokenType.STRING) {
                body = t;
            } else if (t.type() == TokenType.WORD && !t.is("DO") && !t.is("LANGUAGE") && !t.is("plpgsql")) {
                return EMPTY; // another language: not read
            }
        }
        return body == null ? EMPTY : read(body);
    }

    /**
     * The body of {@code CREATE FUNCTION} or {@code CREATE PROCEDURE} in PL/pgSQL or SQL: what a call of
     * it runs. Empty for other statements and languages.
     */
    public static BlockBody ofRoutine(ParsedStatement create) {
        if (create.verb() != Verb.CREATE
                || create.type() != ObjectType.FUNCTION && create.type() != ObjectType.PROCEDURE) {
            return EMPTY;
        }
        List<Token> tokens = create.source().tokens();
        Token body = null;
        String language = null;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token next = tokens.get(i + 1);
            if (tokens.get(i).is("AS") && (next.type() == TokenType.DOLLAR_STRING || next.type() == TokenType.STRING)) {
                body = next;
            } else if (tokens.get(i).is("LANGUAGE")) {
                language = next.identifier();
            }
        }
        return body != null && ("plpgsql".equals(language) || "sql".equals(language)) ? read(body) : EMPTY;
    }

    /**
     * The routines a {@code SELECT} or {@code CALL} runs by name ({@code SELECT backfill()},
     * {@code CALL move_rows(10)}), unqualified and in lower case.
     */
    public static Set<String> calls(ParsedStatement s) {
        if (s.verb() != Verb.SELECT && s.verb() != Verb.CALL) {
            return Set.of();
        }
        Set<String> names = new java.util.LinkedHashSet<>();
        List<Token> tokens = s.source().tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if ((t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER)
                    && tokens.get(i + 1).type() == TokenType.SYMBOL && tokens.get(i + 1).text().equals("(")) {
                names.add(t.identifier());
            }
        }
        return names;
    }

    /** The statements of a dollar-quoted or single-quoted body, positioned where the body sits in the file. */
    private static BlockBody read(Token body) {
        String text = body.text();
        int open;
        String inner;
        if (body.type() == TokenType.DOLLAR_STRING) {
            open = text.indexOf('$', 1) + 1;
            inner = text.substring(open, text.length() - open);
        } else {
            open = 1;
            inner = text.substring(1, text.length() - 1).replace("''", "'");
        }
        String padded = "\n".repeat(body.line() - 1) + " ".repeat(body.column() - 1 + open) + inner;
        List<SqlStatement> pieces;
        try {
            pieces = SqlSplitter.split(padded, SqlSyntax.POSTGRESQL).statements();
        } catch (SqlSyntaxException e) {
            return EMPTY;
        }
        List<SqlStatement> out = new ArrayList<>();
        Token dynamic = null;
        for (SqlStatement p : pieces) {
            List<Token> tokens = p.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (dynamic == null && t.is("EXECUTE") && t.type() == TokenType.WORD
                        && (i + 1 >= tokens.size() || !tokens.get(i + 1).is("FUNCTION") && !tokens.get(i + 1).is("PROCEDURE"))) {
                    dynamic = t;
                }
            }
            int k = staticStart(tokens);
            if (k < 0) {
                continue;
            }
            int from = p.offset() + tokens.get(k).start();
            int to = p.offset() + tokens.get(tokens.size() - 1).end();
            String one = padded.substring(0, from).replaceAll("[^\n]", " ") + padded.substring(from, to);
            try {
                out.addAll(SqlSplitter.split(one, SqlSyntax.POSTGRESQL).statements());
            } catch (SqlSyntaxException e) {
                // a piece PL/pgSQL accepts but SQL does not: left out
            }
        }
        return new BlockBody(out, dynamic);
    }

    /** The index of the SQL verb a piece's statement starts at, after PL/pgSQL control words; -1 if none. */
    private static int staticStart(List<Token> tokens) {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.type() == TokenType.WORD && SQL_VERBS.contains(t.identifier())
                    && (k == 0 || OPENERS.contains(tokens.get(k - 1).identifier()))) {
                return k;
            }
        }
        return -1;
    }
}
