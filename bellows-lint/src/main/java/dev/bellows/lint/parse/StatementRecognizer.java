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

    private static final Set<String> OTHER_STATEMENTS = Set.of("show", "use", "prepare", "deallocate", "execute",
            "explain", "describe", "desc", "notify", "listen", "unlisten", "discard", "checkpoint",
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
            case "create" -> CreateGrammar.create(c, b);
            case "alter" -> AlterGrammar.alter(c, b);
            case "drop" -> DropGrammar.drop(c, b);
            case "rename" -> {
                c.only(SqlSyntax.MYSQL, "RENAME TABLE");
                DropGrammar.renameTables(c, b);
            }
            case "reindex" -> {
                c.only(SqlSyntax.POSTGRESQL, "REINDEX");
                MaintenanceGrammar.reindex(c, b);
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
            case "lock" -> MaintenanceGrammar.lock(c, b);
            case "vacuum" -> {
                c.only(SqlSyntax.POSTGRESQL, "VACUUM");
                MaintenanceGrammar.vacuum(c, b);
            }
            case "refresh" -> {
                c.only(SqlSyntax.POSTGRESQL, "REFRESH MATERIALIZED VIEW");
                MaintenanceGrammar.refresh(c, b);
            }
            case "cluster" -> {
                c.only(SqlSyntax.POSTGRESQL, "CLUSTER");
                MaintenanceGrammar.cluster(c, b);
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
        if (c.is("WITH")) {
            throw new Unrecognized("a second WITH");
        }
        statement(c, b);
    }

}
