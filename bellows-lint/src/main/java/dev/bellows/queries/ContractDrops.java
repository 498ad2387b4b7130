package dev.bellows.queries;

import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.StatementRecognizer;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which objects a contract phase removes (tables, views, functions, sequences, types dropped or
 * renamed away; columns dropped or renamed), and which manifest statements still name them. A
 * static check, from the statements' text: a query that names a dropped column's table and the
 * column is taken to use it.
 */
public final class ContractDrops {

    /**
     * One object a contract statement removes.
     *
     * @param kind   e.g. {@code column}, {@code table}, {@code view}
     * @param table  the column's table, or null
     * @param name   the object (or column) name, lower-cased when unquoted
     * @param where  the migration file and line, e.g. {@code db/migrations/1.3/contract/002_x.sql:1}
     */
    public record Dropped(String kind, String table, String name, String where) {
        public String describe() {
            return table == null ? kind + " " + name : kind + " " + table + "." + name;
        }
    }

    /** A manifest statement that uses an object contract drops. */
    public record Use(QueryManifest manifest, QueryEntry entry, Dropped dropped) {
        public String describe() {
            return manifest.where(entry) + ": release " + manifest.release() + " sends `" + entry.brief()
                    + "`, which uses " + dropped.describe() + "; contract " + manifest.release() + " drops it at "
                    + dropped.where();
        }
    }

    private ContractDrops() {
    }

    /** What the contract phase of {@code release} removes, in file order. */
    public static List<Dropped> of(MigrationSet set, Release release, SqlSyntax syntax) {
        List<Dropped> out = new ArrayList<>();
        for (Migration m : set.of(release, Phase.CONTRACT)) {
            for (SqlStatement s : m.statements()) {
                out.addAll(of(StatementRecognizer.recognize(s, syntax), m.displayPath()));
            }
        }
        return out;
    }

    /** What one recognized statement removes; {@code file} is where it is written. */
    public static List<Dropped> of(ParsedStatement s, String file) {
        List<Dropped> out = new ArrayList<>();
        String where = file + ":" + s.source().line();
        if (s.verb() == Verb.DROP && queried(s.type())) {
            s.names().forEach(n -> out.add(new Dropped(s.type().label(), null, last(n), where)));
        }
        if (s.verb() == Verb.ALTER && queried(s.type())) {
            s.actions(Op.RENAME_TO).forEach(a -> out.add(new Dropped(s.type().label(), null, last(s.name()), where)));
        }
        if (s.isAlterTable()) {
            for (AlterAction a : s.actions()) {
                if ((a.op() == Op.DROP_COLUMN || a.op() == Op.RENAME_COLUMN) && a.column() != null) {
                    out.add(new Dropped("column", last(s.table()), a.column(), file + ":" + a.at().line()));
                }
            }
        }
        return out;
    }

    private static boolean queried(ObjectType t) {
        return switch (t) {
            case TABLE, VIEW, MATERIALIZED_VIEW, FUNCTION, PROCEDURE, SEQUENCE, TYPE -> true;
            default -> false;
        };
    }

    private static String last(String qualified) {
        if (qualified == null) {
            return null;
        }
        int dot = qualified.lastIndexOf('.');
        return (dot < 0 ? qualified : qualified.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }

    /** The manifest's statements that name any of {@code dropped}. */
    public static List<Use> uses(QueryManifest manifest, List<Dropped> dropped, SqlSyntax syntax) {
        List<Use> out = new ArrayList<>();
        if (dropped.isEmpty()) {
            return out;
        }
        for (QueryEntry e : manifest.entries()) {
            Set<String> names = identifiers(e.sql(), syntax);
            for (Dropped d : dropped) {
                if (names.contains(d.name()) && (d.table() == null || names.contains(d.table()))) {
                    out.add(new Use(manifest, e, d));
                }
            }
        }
        return out;
    }

    /** The identifiers a statement names (unquoted ones lower-cased, quoted ones too: a static, lenient match). */
    static Set<String> identifiers(String sql, SqlSyntax syntax) {
        Set<String> out = new HashSet<>();
        try {
            for (SqlStatement s : SqlSplitter.split(sql, syntax).statements()) {
                for (Token t : s.tokens()) {
                    if (t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER) {
                        out.add(t.identifier().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (RuntimeException e) {
            // A statement the splitter cannot read names nothing it can match; verify still prepares it.
        }
        return out;
    }
}
