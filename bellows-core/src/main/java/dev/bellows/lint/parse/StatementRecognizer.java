package dev.bellows.lint.parse;

import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.util.List;
import java.util.Set;

/**
 * A focused recursive-descent recognizer over the splitter's tokens: it classifies every
 * statement of PostgreSQL and MySQL/MariaDB migrations, understands the DDL that lint rules need
 * precisely and DML coarsely, and never throws: what it cannot follow comes back as
 * {@link Verb#UNRECOGNIZED} with the reason. Bodies of functions, procedures, triggers and DO
 * blocks are never looked into.
 */
public final class StatementRecognizer {

    private static final Set<String> OTHER_CREATE = Set.of("extension", "domain", "role", "user", "group", "policy",
            "statistics", "collation", "cast", "operator", "aggregate", "event", "publication", "subscription",
            "server", "rule", "text", "foreign", "conversion", "language", "transform", "access", "tablespace",
            "database", "logfile", "spatial", "resource", "synonym", "package", "default");

    private static final Set<String> OTHER_STATEMENTS = Set.of("show", "use", "prepare", "deallocate", "execute",
            "explain", "describe", "desc", "refresh", "notify", "listen", "unlisten", "discard", "checkpoint",
            "security", "import", "load", "flush", "reset", "savepoint", "release", "declare", "fetch", "close",
            "move", "copy", "values", "handler", "optimize", "repair", "check", "checksum", "purge", "install",
            "uninstall", "xa", "signal", "resignal", "get", "perform", "abort", "reassign", "source");

    private StatementRecognizer() {
    }

    /** Classifies one statement of the given dialect's syntax. */
    public static ParsedStatement recognize(SqlStatement statement, SqlSyntax syntax) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty()) {
            return new StatementBuilder(null).kind(Verb.OTHER, ObjectType.NONE).build(statement);
        }
        TokenCursor c = new TokenCursor(tokens, syntax);
        StatementBuilder b = new StatementBuilder(tokens.get(0));
        try {
            statement(c, b);
            return b.build(statement);
        } catch (Unrecognized e) {
            return StatementBuilder.unrecognized(statement, e.getMessage() + " near '" + c.here().text() + "'",
                    tokens.get(0));
        } catch (RuntimeException e) {
            return StatementBuilder.unrecognized(statement, "cannot follow the statement (" + e + ")", tokens.get(0));
        }
    }

    private static void statement(TokenCursor c, StatementBuilder b) {
        Token first = c.next();
        if (first.type() != TokenType.WORD) {
            if (first.isSymbol("(")) {
                b.kind(Verb.SELECT, ObjectType.NONE);
                c.skipToEnd();
                return;
            }
            throw new Unrecognized("a statement starts with a keyword");
        }
        switch (first.identifier()) {
            case "create" -> create(c, b);
            case "alter" -> alter(c, b);
            case "drop" -> drop(c, b);
            case "rename" -> {
                c.only(SqlSyntax.MYSQL, "RENAME TABLE");
                renameTables(c, b);
            }
            case "reindex" -> {
                c.only(SqlSyntax.POSTGRESQL, "REINDEX");
                reindex(c, b);
            }
            case "update" -> DmlGrammar.update(c, b);
            case "delete" -> DmlGrammar.delete(c, b);
            case "insert" -> DmlGrammar.insert(c, b);
            case "replace" -> {
                c.only(SqlSyntax.MYSQL, "REPLACE");
                DmlGrammar.insert(c, b);
            }
            case "merge" -> {
                c.accept("INTO");
                b.kind(Verb.UPDATE, ObjectType.NONE);
                b.table = c.name();
                b.names.add(b.table);
                c.skipToEnd();
            }
            case "truncate" -> DmlGrammar.truncate(c, b);
            case "with" -> with(c, b);
            case "select", "table" -> simple(c, b, Verb.SELECT);
            case "lock" -> lock(c, b);
            case "vacuum" -> {
                c.only(SqlSyntax.POSTGRESQL, "VACUUM");
                vacuum(c, b);
            }
            case "cluster" -> {
                c.only(SqlSyntax.POSTGRESQL, "CLUSTER");
                cluster(c, b);
            }
            case "analyze", "analyse" -> simple(c, b, Verb.ANALYZE);
            case "do" -> {
                c.only(SqlSyntax.POSTGRESQL, "DO");
                simple(c, b, Verb.DO);
            }
            case "set" -> simple(c, b, Verb.SET);
            case "comment" -> {
                c.only(SqlSyntax.POSTGRESQL, "COMMENT ON");
                simple(c, b, Verb.COMMENT);
            }
            case "grant", "revoke" -> simple(c, b, Verb.GRANT);
            case "begin", "start" -> {
                b.flag(Flag.TRANSACTION_START);
                simple(c, b, Verb.BEGIN);
            }
            case "commit", "end", "rollback" -> simple(c, b, c.is("TO") ? Verb.OTHER : Verb.END);
            case "call" -> simple(c, b, Verb.CALL);
            default -> {
                if (!OTHER_STATEMENTS.contains(first.identifier())) {
                    throw new Unrecognized("unknown statement " + first.text());
                }
                simple(c, b, Verb.OTHER);
            }
        }
    }

    private static void simple(TokenCursor c, StatementBuilder b, Verb verb) {
        b.kind(verb, ObjectType.NONE);
        c.skipToEnd();
    }

    private static void with(TokenCursor c, StatementBuilder b) {
        c.accept("RECURSIVE");
        do {
            c.name();
            if (c.isSymbol("(")) {
                c.skipParens();
            }
            c.expect("AS");
            c.accept("NOT");
            c.accept("MATERIALIZED");
            c.skipParens();
        } while (c.acceptSymbol(","));
        statement(c, b);
    }

    private static void create(TokenCursor c, StatementBuilder b) {
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
            case "view" -> named(c, b, Verb.CREATE, ObjectType.VIEW);
            case "materialized" -> {
                c.only(SqlSyntax.POSTGRESQL, "MATERIALIZED VIEW");
                c.expect("VIEW");
                named(c, b, Verb.CREATE, ObjectType.MATERIALIZED_VIEW);
            }
            case "function" -> named(c, b, Verb.CREATE, ObjectType.FUNCTION);
            case "procedure" -> named(c, b, Verb.CREATE, ObjectType.PROCEDURE);
            case "sequence" -> named(c, b, Verb.CREATE, ObjectType.SEQUENCE);
            case "schema" -> named(c, b, Verb.CREATE, ObjectType.SCHEMA);
            case "type" -> {
                c.only(SqlSyntax.POSTGRESQL, "CREATE TYPE");
                createType(c, b);
            }
            case "trigger" -> createTrigger(c, b);
            default -> {
                if (!OTHER_CREATE.contains(what.identifier())) {
                    throw new Unrecognized("unknown CREATE " + what.text());
                }
                b.kind(Verb.CREATE, ObjectType.OTHER);
                c.skipToEnd();
            }
        }
    }

    /** {@code [IF [NOT] EXISTS] name …}: the object's name; the rest (arguments, bodies) is skipped unread. */
    private static void named(TokenCursor c, StatementBuilder b, Verb verb, ObjectType type) {
        b.kind(verb, type);
        ifExists(c, b);
        b.names.add(c.name());
        c.skipToEnd();
    }

    private static void ifExists(TokenCursor c, StatementBuilder b) {
        if (c.accept("IF", "NOT", "EXISTS")) {
            b.flag(Flag.IF_NOT_EXISTS);
        } else if (c.accept("IF", "EXISTS")) {
            b.flag(Flag.IF_EXISTS);
        }
    }

    private static void createTable(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CREATE, ObjectType.TABLE);
        ifExists(c, b);
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

    private static void createIndex(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CREATE, ObjectType.INDEX);
        if (c.is("CONCURRENTLY")) {
            c.only(SqlSyntax.POSTGRESQL, "CONCURRENTLY");
            c.next();
            b.flag(Flag.CONCURRENTLY);
        }
        ifExists(c, b);
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
            b.columns.add(new ColumnDef(col, null, false, null, false, false, false, false, null, false, b.at));
        }
        mysqlOptions(c, b);
    }

    /** MySQL {@code ALGORITHM=…} and {@code LOCK=…} clauses at the end of CREATE/DROP INDEX. */
    private static void mysqlOptions(TokenCursor c, StatementBuilder b) {
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

    private static void createType(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CREATE, ObjectType.TYPE);
        b.names.add(c.name());
        if (c.accept("AS", "ENUM")) {
            int[] r = c.skipParens();
            for (Token t : c.slice(r[0], r[1])) {
                if (t.type() == TokenType.STRING) {
                    b.actions.add(AlterAction.value(Op.ADD_VALUE, unquote(t.text()), t));
                }
            }
        }
        c.skipToEnd();
    }

    private static void createTrigger(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CREATE, ObjectType.TRIGGER);
        ifExists(c, b);
        b.names.add(c.name());
        while (!c.atEnd() && !c.is("ON")) {
            c.next();
        }
        c.expect("ON");
        b.table = c.name();
        c.skipToEnd(); // the body (MySQL) or EXECUTE FUNCTION (PostgreSQL) is never read
    }

    private static void alter(TokenCursor c, StatementBuilder b) {
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
                if (!OTHER_CREATE.contains(what.identifier()) && !what.is("system")) {
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
        ifExists(c, b);
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
            b.actions.add(AlterAction.value(Op.ADD_VALUE, unquote(c.next().text()), at));
        } else if (c.accept("RENAME", "VALUE")) {
            String from = unquote(c.next().text());
            c.expect("TO");
            b.actions.add(new AlterAction(Op.RENAME_VALUE, from, unquote(c.next().text()), null, null, null, at));
        } else if (c.accept("RENAME", "TO")) {
            b.actions.add(new AlterAction(Op.RENAME_TO, null, c.name(), null, null, null, at));
        } else {
            b.actions.add(AlterAction.of(Op.OTHER, at));
        }
        c.skipToEnd();
    }

    private static void drop(TokenCursor c, StatementBuilder b) {
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
                if (!OTHER_CREATE.contains(what.identifier()) && !what.is("owned")) {
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
        ifExists(c, b);
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
        mysqlOptions(c, b);
    }

    private static void renameTables(TokenCursor c, StatementBuilder b) {
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

    private static void reindex(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.REINDEX, ObjectType.NONE);
        if (c.isSymbol("(")) {
            int[] r = c.skipParens();
            for (Token t : c.slice(r[0], r[1])) {
                if (t.is("CONCURRENTLY")) {
                    b.flag(Flag.CONCURRENTLY);
                }
            }
        }
        Token what = c.next();
        b.type = what.is("INDEX") ? ObjectType.INDEX : what.is("TABLE") ? ObjectType.TABLE
                : what.is("SCHEMA") ? ObjectType.SCHEMA : ObjectType.OTHER;
        if (c.accept("CONCURRENTLY")) {
            b.flag(Flag.CONCURRENTLY);
        }
        if (!c.atEnd()) {
            b.names.add(c.name());
        }
        if (b.type == ObjectType.TABLE) {
            b.table = b.names.isEmpty() ? null : b.names.get(0);
        }
        c.skipToEnd();
    }

    private static void lock(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.LOCK, ObjectType.TABLE);
        if (!c.accept("TABLE")) {
            c.accept("TABLES");
        }
        c.accept("ONLY");
        b.table = c.name();
        b.names.add(b.table);
        c.skipToEnd();
    }

    private static void vacuum(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.VACUUM, ObjectType.NONE);
        if (c.isSymbol("(")) {
            int[] r = c.skipParens();
            List<Token> opts = c.slice(r[0], r[1]);
            for (int i = 0; i < opts.size(); i++) {
                boolean off = i + 1 < opts.size() && (opts.get(i + 1).is("false") || opts.get(i + 1).is("off"));
                if (opts.get(i).is("FULL") && !off) {
                    b.flag(Flag.FULL);
                }
            }
        }
        while (c.is("FULL") || c.is("FREEZE") || c.is("VERBOSE") || c.is("ANALYZE") || c.is("ANALYSE")) {
            if (c.next().is("FULL")) {
                b.flag(Flag.FULL);
            }
        }
        if (!c.atEnd()) {
            b.table = c.name();
            b.names.add(b.table);
        }
        c.skipToEnd();
    }

    private static void cluster(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.CLUSTER, ObjectType.NONE);
        if (c.isSymbol("(")) {
            c.skipParens();
        }
        c.accept("VERBOSE");
        if (!c.atEnd()) {
            b.table = c.name();
            b.names.add(b.table);
        }
        c.skipToEnd();
    }

    static String unquote(String literal) {
        if (literal.length() >= 2 && (literal.charAt(0) == '\'' || literal.charAt(0) == '"')) {
            return literal.substring(1, literal.length() - 1).replace("''", "'");
        }
        return literal;
    }
}
