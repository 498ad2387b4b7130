package dev.bellows.lint.parse;

import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.Token;

/** DROP statements and MySQL RENAME TABLE. */
final class DropGrammar {

    private DropGrammar() {
    }

    static void drop(TokenCursor c, StatementBuilder b) {
        c.accept("TEMPORARY");
        Token what = c.next();
        ObjectType type = switch (what.identifier()) {
            case "table" -> ObjectType.TABLE;
            case "index" -> ObjectType.INDEX;
            case "view" -> ObjectType.VIEW;
            case "materialized" -> {
                c.expect("VIEW");
                yield ObjectType.MATERIALIZED_VIEW;
            }
            case "function" -> ObjectType.FUNCTION;
            case "procedure" -> ObjectType.PROCEDURE;
            case "sequence" -> ObjectType.SEQUENCE;
            case "type" -> ObjectType.TYPE;
            case "schema" -> ObjectType.SCHEMA;
            case "trigger" -> ObjectType.TRIGGER;
            default -> {
                if (!Clauses.OTHER_OBJECTS.contains(what.identifier()) && !what.is("owned")) {
                    throw new Unrecognized("unknown DROP " + what.text());
                }
                yield ObjectType.OTHER;
            }
        };
        b.kind(Verb.DROP, type);
        if (type == ObjectType.OTHER) {
            c.skipToEnd();
            return;
        }
        if (c.is("CONCURRENTLY")) {
            c.only(SqlSyntax.POSTGRESQL, "CONCURRENTLY");
            c.next();
            b.flag(Flag.CONCURRENTLY);
        }
        Clauses.ifExists(c, b);
        do {
            b.names.add(c.name());
            if (c.isSymbol("(")) {
                c.skipParens(); // function signature
            }
        } while (c.acceptSymbol(","));
        if (c.accept("ON")) {
            b.table = c.name(); // MySQL DROP INDEX i ON t; PostgreSQL DROP TRIGGER t ON table
        }
        if (c.accept("CASCADE")) {
            b.flag(Flag.CASCADE);
        }
        Clauses.mysqlOptions(c, b);
    }

    static void renameTables(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.RENAME, ObjectType.TABLE);
        if (!c.accept("TABLE")) {
            c.expect("TABLES");
        }
        do {
            Token at = c.here();
            String from = c.name();
            c.expect("TO");
            String to = c.name();
            b.names.add(from);
            b.actions.add(new AlterAction(Op.RENAME_TO, from, to, null, null, null, at));
        } while (c.acceptSymbol(","));
        if (!c.atEnd()) {
            throw new Unrecognized("unexpected text after RENAME TABLE");
        }
    }
}
