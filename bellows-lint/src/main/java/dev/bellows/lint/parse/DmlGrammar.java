package dev.bellows.lint.parse;

import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.util.List;

/**
 * DML, understood coarsely: which table, and whether the statement is bounded. A statement is
 * bounded when it has a LIMIT or FETCH FIRST anywhere (also in a batch subquery), a BETWEEN, a
 * two-sided range ({@code >}/{@code >=} and {@code <}/{@code <=}), or compares {@code id} to one
 * literal or parameter.
 */
final class DmlGrammar {

    private DmlGrammar() {
    }

    static void update(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.UPDATE, ObjectType.NONE);
        c.accept("ONLY");
        c.accept("LOW_PRIORITY");
        c.accept("IGNORE");
        b.table = c.name();
        b.names.add(b.table);
        bounded(c, b);
    }

    static void delete(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.DELETE, ObjectType.NONE);
        while (c.accept("LOW_PRIORITY") || c.accept("QUICK") || c.accept("IGNORE")) {
            // MySQL modifiers
        }
        if (!c.accept("FROM")) {
            b.table = c.name(); // MySQL multi-table: DELETE t1 FROM t1 JOIN …
        }
        c.accept("ONLY");
        String t = c.name();
        b.table = b.table == null ? t : b.table;
        b.names.add(b.table);
        bounded(c, b);
    }

    static void insert(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.INSERT, ObjectType.NONE);
        while (c.accept("LOW_PRIORITY") || c.accept("DELAYED") || c.accept("HIGH_PRIORITY") || c.accept("IGNORE")) {
            // MySQL modifiers
        }
        c.accept("INTO");
        b.table = c.name();
        b.names.add(b.table);
        if (c.accept("AS")) {
            c.name();
        }
        if (c.isSymbol("(") && !(c.peek(1) != null && (c.peek(1).is("SELECT") || c.peek(1).is("WITH")))) {
            c.skipParens();
        }
        c.accept("OVERRIDING", "SYSTEM", "VALUE");
        c.accept("OVERRIDING", "USER", "VALUE");
        while (c.acceptSymbol("(")) {
            // (SELECT …)
        }
        if (c.is("SELECT") || c.is("WITH") || c.is("TABLE")) {
            b.flag(Flag.FROM_SELECT);
        }
        c.skipToEnd();
    }

    static void truncate(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.TRUNCATE, ObjectType.NONE);
        c.accept("TABLE");
        c.accept("ONLY");
        b.names.add(c.name());
        while (c.acceptSymbol(",")) {
            b.names.add(c.name());
        }
        b.table = b.names.get(0);
        c.skipToEnd();
    }

    private static void bounded(TokenCursor c, StatementBuilder b) {
        if (c.statementContains("LIMIT") || c.statementContains("FETCH")) {
            b.flag(Flag.BOUNDED);
        }
        while (!c.atEnd() && !c.is("WHERE")) {
            if (c.isSymbol("(")) {
                c.skipParens();
            } else {
                c.next();
            }
        }
        if (c.accept("WHERE") && whereIsBounded(c.slice(c.position(), Integer.MAX_VALUE))) {
            b.flag(Flag.BOUNDED);
        }
        c.skipToEnd();
    }

    private static boolean whereIsBounded(List<Token> where) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < where.size(); i++) {
            Token t = where.get(i);
            if (t.is("BETWEEN")) {
                return true;
            }
            if (t.isSymbol(">") || t.isSymbol(">=")) {
                lower = true;
            } else if (t.isSymbol("<") || t.isSymbol("<=")) {
                upper = true;
            } else if (t.isSymbol("=") && i > 0 && i + 1 < where.size() && where.get(i - 1).is("id")
                    && isLiteral(where.get(i + 1))) {
                return true;
            }
        }
        return lower && upper;
    }

    private static boolean isLiteral(Token t) {
        return t.type() == TokenType.NUMBER || t.type() == TokenType.STRING || t.type() == TokenType.PARAMETER
                || t.isSymbol("?");
    }
}
