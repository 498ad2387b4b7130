package dev.bellows.lint.parse;

import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

/** CREATE statements: tables (columns and constraints), indexes, views, functions, types, triggers, …. */
final class CreateGrammar {

    private CreateGrammar() {
    }

    static void create(TokenCursor c, StatementBuilder b) {
        if (c.accept("OR", "REPLACE")) {
            b.flag(Flag.OR_REPLACE);
        }
        while (c.is("TEMP") || c.is("TEMPORARY") || c.is("UNLOGGED") || c.is("GLOBAL") || c.is("LOCAL")
                || c.is("DEFINER") || c.is("ALGORITHM") || c.is("SQL") || c.is("RECURSIVE") || c.is("TRUSTED")
                || c.is("PROCEDURAL") || c.is("CONSTRAINT") || c.is("AGGREGATE") && c.is(1, "FUNCTION")) {
            Token t = c.next();
            if (t.is("TEMP") || t.is("TEMPORARY")) {
                b.flag(Flag.TEMPORARY);
            } else if (t.is("DEFINER") || t.is("ALGORITHM")) {
                c.acceptSymbol("=");
                c.next();
                if (c.isSymbol("@")) {
                    c.next();
                    c.next();
                }
            } else if (t.is("SQL")) {
                c.expect("SECURITY");
                c.next();
            }
        }
        if (c.is("UNIQUE") || c.is("FULLTEXT") || c.is("SPATIAL")) {
            Token t = c.next();
            b.flag(t.is("UNIQUE") ? Flag.UNIQUE : t.is("FULLTEXT") ? Flag.FULLTEXT : Flag.SPATIAL);
            if (!c.is("INDEX") && !c.is("KEY")) {
                throw new Unrecognized("expected INDEX");
            }
        }
        Token what = c.next();
        switch (what.identifier()) {
            case "table" -> createTable(c, b);
            case "index", "key" -> createIndex(c, b);
            case "view" -> Clauses.named(c, b, Verb.CREATE, ObjectType.VIEW);
            case "materialized" -> {
                c.only(SqlSyntax.POSTGRESQL, "MATERIALIZED VIEW");
                c.expect("VIEW");
                Clauses.named(c, b, Verb.CREATE, ObjectType.MATERIALIZED_VIEW);
            }
            case "function" -> createFunction(c, b);
            case "procedure" -> Clauses.named(c, b, Verb.CREATE, ObjectType.PROCEDURE);
            case "sequence" -> Clauses.named(c, b, Verb.CREATE, ObjectType.SEQUENCE);
            case "schema" -> Clauses.named(c, b, Verb.CREATE, ObjectType.SCHEMA);
            case "type" -> {
                c.only(SqlSyntax.POSTGRESQL, "CREATE TYPE");
                createType(c, b);
            }
            case "trigger" -> createTrigger(c, b);
            default -> {
                if (!Clauses.OTHER_OBJECTS.contains(what.identifier())) {
                    throw new Unrecognized("unknown CREATE " + what.text());
                }
                b.kind(Verb.CREATE, ObjectType.OTHER);
                c.skipToEnd();
            }
        }
    }

    private static void createTable(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CREATE, ObjectType.TABLE);
        Clauses.ifExists(c, b);
        b.table = c.name();
        b.names.add(b.table);
        if (c.is("AS") || c.is("LIKE") || c.is("PARTITION") || c.is("OF") || c.is("SELECT")) {
            b.flag(Flag.AS_SELECT);
            c.skipToEnd();
            return;
        }
        c.expectSymbol("(");
        while (!c.atEnd() && !c.isSymbol(")")) {
            if (c.is("LIKE")) {
                b.flag(Flag.AS_SELECT);
                c.skipToItemEnd();
            } else if (c.is("KEY") || c.is("INDEX") || c.is("FULLTEXT") || c.is("SPATIAL")) {
                if (Definitions.startsConstraint(c) || c.is("FULLTEXT") || c.is("SPATIAL")) {
                    c.skipToItemEnd(); // a MySQL index: nothing for rules on a new table
                } else {
                    b.columns.add(Definitions.column(c, b.constraints));
                }
            } else if (Definitions.startsConstraint(c)) {
                b.constraints.add(Definitions.constraint(c));
            } else {
                b.columns.add(Definitions.column(c, b.constraints));
            }
            if (!c.acceptSymbol(",") && !c.isSymbol(")")) {
                throw new Unrecognized("expected , or ) in CREATE TABLE");
            }
        }
        c.expectSymbol(")");
        c.skipToEnd();
    }

    private static void createFunction(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CREATE, ObjectType.FUNCTION);
        Clauses.ifExists(c, b);
        b.names.add(c.name());
        while (!c.atEnd()) {
            if (c.accept("RETURNS", "TRIGGER")) {
                b.flag(Flag.TRIGGER_FUNCTION);
            } else {
                c.next();
            }
        }
    }

    private static void createIndex(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CREATE, ObjectType.INDEX);
        if (c.is("CONCURRENTLY")) {
            c.only(SqlSyntax.POSTGRESQL, "CONCURRENTLY");
            c.next();
            b.flag(Flag.CONCURRENTLY);
        }
        Clauses.ifExists(c, b);
        if (!c.is("ON") && !c.is("USING")) {
            b.names.add(c.name());
        }
        if (c.accept("USING")) {
            c.next();
        }
        c.expect("ON");
        c.accept("ONLY");
        b.table = c.name();
        if (c.accept("USING")) {
            c.next();
        }
        if (!c.isSymbol("(")) {
            throw new Unrecognized("expected ( after the table of CREATE INDEX");
        }
        for (String col : Definitions.names(c)) {
            b.columns.add(new ColumnDef(col, null, false, null, false, false, false, false, null, false, null, b.at));
        }
        Clauses.mysqlOptions(c, b);
    }

    private static void createType(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CREATE, ObjectType.TYPE);
        b.names.add(c.name());
        if (c.accept("AS", "ENUM")) {
            int[] r = c.skipParens();
            for (Token t : c.slice(r[0], r[1])) {
                if (t.type() == TokenType.STRING) {
                    b.actions.add(AlterAction.value(Op.ADD_VALUE, Clauses.unquote(t.text()), t));
                }
            }
        }
        c.skipToEnd();
    }

    private static void createTrigger(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CREATE, ObjectType.TRIGGER);
        Clauses.ifExists(c, b);
        b.names.add(c.name());
        while (!c.atEnd() && !c.is("ON")) {
            c.next();
        }
        c.expect("ON");
        b.table = c.name();
        c.skipToEnd(); // the body (MySQL) or EXECUTE FUNCTION (PostgreSQL) is never read
    }
}
