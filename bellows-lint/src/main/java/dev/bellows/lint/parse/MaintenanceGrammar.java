package dev.bellows.lint.parse;

import dev.bellows.sql.Token;

import java.util.List;

/** REINDEX, LOCK TABLE, VACUUM, CLUSTER and REFRESH MATERIALIZED VIEW. */
final class MaintenanceGrammar {

    private MaintenanceGrammar() {
    }

    static void reindex(TokenCursor c, StatementBuilder b) {
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

    static void refresh(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.REFRESH, ObjectType.MATERIALIZED_VIEW);
        c.expect("MATERIALIZED");
        c.expect("VIEW");
        if (c.accept("CONCURRENTLY")) {
            b.flag(Flag.CONCURRENTLY);
        }
        b.names.add(c.name());
        c.skipToEnd(); // WITH [NO] DATA
    }

    static void lock(TokenCursor c, StatementBuilder b) {
        b.kind(Verb.LOCK, ObjectType.TABLE);
        if (!c.accept("TABLE")) {
            c.accept("TABLES");
        }
        c.accept("ONLY");
        b.table = c.name();
        b.names.add(b.table);
        c.skipToEnd();
    }

    static void vacuum(TokenCursor c, StatementBuilder b) {
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

    static void cluster(TokenCursor c, StatementBuilder b) {
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
}
