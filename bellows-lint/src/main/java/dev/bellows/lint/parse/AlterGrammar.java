package dev.bellows.lint.parse;

import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.Token;

/** ALTER statements other than ALTER TABLE's sub-commands: views, functions, sequences, indexes, enum types. */
final class AlterGrammar {

    private AlterGrammar() {
    }

    static void alter(TokenCursor c, StatementBuilder b) {
        c.accept("ONLINE");
        c.accept("IGNORE");
        while (c.is("DEFINER") || c.is("ALGORITHM") || c.is("SQL")) {
            c.next();
            if (c.acceptSymbol("=")) {
                c.next();
            } else {
                c.accept("SECURITY");
                c.next();
            }
        }
        Token what = c.next();
        switch (what.identifier()) {
            case "table" -> AlterTableGrammar.parse(c, b);
            case "index" -> alterNamed(c, b, ObjectType.INDEX);
            case "view" -> alterNamed(c, b, ObjectType.VIEW);
            case "materialized" -> {
                c.expect("VIEW");
                alterNamed(c, b, ObjectType.MATERIALIZED_VIEW);
            }
            case "function" -> alterNamed(c, b, ObjectType.FUNCTION);
            case "procedure" -> alterNamed(c, b, ObjectType.PROCEDURE);
            case "sequence" -> alterNamed(c, b, ObjectType.SEQUENCE);
            case "schema" -> alterNamed(c, b, ObjectType.SCHEMA);
            case "trigger" -> alterNamed(c, b, ObjectType.TRIGGER);
            case "type" -> {
                c.only(SqlSyntax.POSTGRESQL, "ALTER TYPE");
                alterType(c, b);
            }
            default -> {
                if (!Clauses.OTHER_OBJECTS.contains(what.identifier()) && !what.is("system")) {
                    throw new Unrecognized("unknown ALTER " + what.text());
                }
                b.kind(Verb.ALTER, ObjectType.OTHER);
                c.skipToEnd();
            }
        }
    }

    /** ALTER VIEW/FUNCTION/SEQUENCE/INDEX name …: only RENAME TO matters. */
    private static void alterNamed(TokenCursor c, StatementBuilder b, ObjectType type) {
        b.kind(Verb.ALTER, type);
        Clauses.ifExists(c, b);
        b.names.add(c.name());
        if (c.isSymbol("(")) {
            c.skipParens();
        }
        if (type == ObjectType.TRIGGER && c.accept("ON")) {
            b.table = c.name();
        }
        Token at = c.here();
        if (c.accept("RENAME", "TO")) {
            b.actions.add(new AlterAction(Op.RENAME_TO, null, c.name(), null, null, null, at));
        } else if (type == ObjectType.VIEW && c.accept("RENAME")) {
            throw new Unrecognized("expected RENAME TO");
        } else {
            b.actions.add(AlterAction.of(Op.OTHER, at));
        }
        c.skipToEnd();
    }

    private static void alterType(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.ALTER, ObjectType.TYPE);
        b.names.add(c.name());
        Token at = c.here();
        if (c.accept("ADD", "VALUE")) {
            c.accept("IF", "NOT", "EXISTS");
            b.actions.add(AlterAction.value(Op.ADD_VALUE, Clauses.unquote(c.next().text()), at));
        } else if (c.accept("RENAME", "VALUE")) {
            String from = Clauses.unquote(c.next().text());
            c.expect("TO");
            b.actions.add(new AlterAction(Op.RENAME_VALUE, from, Clauses.unquote(c.next().text()), null, null, null, at));
        } else if (c.accept("RENAME", "TO")) {
            b.actions.add(new AlterAction(Op.RENAME_TO, null, c.name(), null, null, null, at));
        } else {
            b.actions.add(AlterAction.of(Op.OTHER, at));
        }
        c.skipToEnd();
    }
}
