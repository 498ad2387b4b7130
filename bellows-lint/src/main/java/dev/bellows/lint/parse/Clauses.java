package dev.bellows.lint.parse;

import dev.bellows.sql.Token;

import java.util.Set;

/** Small clauses several grammars share: IF [NOT] EXISTS, object names, MySQL ALGORITHM=/LOCK=, literals. */
final class Clauses {

    /** Object kinds Bellows recognizes but does not track (extensions, domains, roles, …). */
    static final Set<String> OTHER_OBJECTS = Set.of("extension", "domain", "role", "user", "group", "policy",
            "statistics", "collation", "cast", "operator", "aggregate", "event", "publication", "subscription",
            "server", "rule", "text", "foreign", "conversion", "language", "transform", "access", "tablespace",
            "database", "logfile", "spatial", "resource", "synonym", "package", "default");

    private Clauses() {
    }

    /** {@code [IF [NOT] EXISTS] name …}: the object's name; the rest (arguments, bodies) is skipped unread. */
    static void named(TokenCursor c, StatementBuilder b, Verb verb, ObjectType type) {
        b.kind(verb, type);
        ifExists(c, b);
        b.names.add(c.name());
        c.skipToEnd();
    }

    static void ifExists(TokenCursor c, StatementBuilder b) {
        if (c.accept("IF", "NOT", "EXISTS")) {
            b.flag(Flag.IF_NOT_EXISTS);
        } else if (c.accept("IF", "EXISTS")) {
            b.flag(Flag.IF_EXISTS);
        }
    }

    /** MySQL {@code ALGORITHM=…} and {@code LOCK=…} clauses at the end of CREATE/DROP INDEX. */
    static void mysqlOptions(TokenCursor c, StatementBuilder b) {
        while (!c.atEnd()) {
            Token at = c.here();
            if (c.accept("ALGORITHM") || c.accept("LOCK")) {
                c.acceptSymbol("=");
                b.actions.add(AlterAction.value(at.is("LOCK") ? Op.LOCK : Op.ALGORITHM, c.next().identifier(), at));
            } else if (c.isSymbol("(")) {
                c.skipParens();
            } else {
                c.next();
            }
        }
    }

    static String unquote(String literal) {
        if (literal.length() >= 2 && (literal.charAt(0) == '\'' || literal.charAt(0) == '"')) {
            return literal.substring(1, literal.length() - 1).replace("''", "'");
        }
        return literal;
    }
}
