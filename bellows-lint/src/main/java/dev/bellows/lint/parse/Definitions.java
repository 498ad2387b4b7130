package dev.bellows.lint.parse;

import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Column types, column definitions and table constraints, shared by CREATE TABLE and ALTER TABLE. */
final class Definitions {

    /** Functions whose value differs per row: a default calling one fills every existing row. */
    static final Set<String> VOLATILE = Set.of("gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
            "uuid_generate_v4", "uuidv4", "uuidv7", "random", "clock_timestamp", "timeofday", "nextval",
            "txid_current", "uuid", "rand", "uuid_short", "sysdate");

    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of("not", "null", "primary", "unique",
            "references", "check", "constraint", "collate", "generated", "comment", "auto_increment", "first",
            "after", "on", "deferrable", "initially", "visible", "invisible", "character", "charset", "as",
            "stored", "virtual", "column_format", "storage", "srid", "compression");

    private static final Set<String> CONSTRAINT_START = Set.of("constraint", "primary", "unique", "foreign", "check",
            "exclude", "key", "index", "fulltext", "spatial", "like", "period");

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("int4", "int"), Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("bool", "boolean"), Map.entry("float8", "double precision"),
            Map.entry("float4", "real"), Map.entry("decimal", "numeric"), Map.entry("character varying", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("time with time zone", "timetz"), Map.entry("time without time zone", "time"),
            Map.entry("serial4", "serial"), Map.entry("serial8", "bigserial"), Map.entry("serial2", "smallserial"),
            Map.entry("bit varying", "varbit"));

    private static final Set<String> SERIAL = Set.of("serial", "bigserial", "smallserial");

    private Definitions() {
    }

    static boolean startsConstraint(TokenCursor c) {
        Token t = c.peek();
        if (t == null || t.type() != TokenType.WORD) {
            return false;
        }
        String w = t.text().toLowerCase(Locale.ROOT);
        if (!CONSTRAINT_START.contains(w)) {
            return false;
        }
        // "key" and "index" are also plausible column names: a constraint has a name or "(" after them
        if (w.equals("key") || w.equals("index")) {
            Token n = c.peek(1);
            return n != null && (n.isSymbol("(") || c.peek(2) != null && (c.peek(2).isSymbol("(") || c.peek(2).is("USING")));
        }
        if (w.equals("check") || w.equals("like") || w.equals("period")) {
            return w.equals("like") || c.peek(1) != null && c.peek(1).isSymbol("(");
        }
        return true;
    }

    static ColumnType type(TokenCursor c) {
        Token first = c.next();
        if (first.type() != TokenType.WORD && first.type() != TokenType.QUOTED_IDENTIFIER) {
            throw new Unrecognized("expected a column type");
        }
        StringBuilder text = new StringBuilder(first.text());
        String base = first.identifier();
        while (c.isSymbol(".") && c.peek(1) != null) {
            c.next();
            Token part = c.next();
            base = part.identifier();
            text.append('.').append(part.text());
        }
        if (base.equals("double") && c.accept("PRECISION")) {
            base = "double precision";
            text.append(" precision");
        } else if ((base.equals("character") || base.equals("char") || base.equals("bit") || base.equals("national"))
                && c.is("VARYING")) {
            c.next();
            base = base.equals("bit") ? "bit varying" : "character varying";
            text.append(" varying");
        }
        List<String> args = new ArrayList<>();
        if (c.isSymbol("(")) {
            int[] r = c.skipParens();
            StringBuilder arg = new StringBuilder();
            text.append('(');
            for (Token t : c.slice(r[0], r[1])) {
                text.append(t.text());
                if (t.isSymbol(",")) {
                    args.add(arg.toString());
                    arg.setLength(0);
                } else {
                    arg.append(t.text());
                }
            }
            args.add(arg.toString());
            text.append(')');
        }
        if ((base.equals("timestamp") || base.equals("time")) && (c.is("WITH") || c.is("WITHOUT")) && c.is(1, "TIME")) {
            boolean with = c.next().is("WITH");
            c.next();
            c.expect("ZONE");
            base = base + (with ? " with time zone" : " without time zone");
            text.append(with ? " with time zone" : " without time zone");
        }
        if (base.equals("interval")) {
            while (c.is("YEAR") || c.is("MONTH") || c.is("DAY") || c.is("HOUR") || c.is("MINUTE") || c.is("SECOND")
                    || c.is("TO")) {
                text.append(' ').append(c.next().text());
            }
        }
        while (c.is("UNSIGNED") || c.is("SIGNED") || c.is("ZEROFILL")) {
            text.append(' ').append(c.next().text());
            base = base + (base.endsWith(" unsigned") ? "" : " unsigned");
        }
        while (c.isSymbol("[") || c.is("ARRAY")) {
            c.next();
            if (c.peek() != null && c.peek().type() == TokenType.NUMBER) {
                c.next();
            }
            c.acceptSymbol("]");
            text.append("[]");
            base = base.endsWith("[]") ? base : base + "[]";
        }
        base = SYNONYMS.getOrDefault(base, base);
        return new ColumnType(base, args, text.toString());
    }

    /** A column definition: name, type and column constraints, up to the item's end. */
    static ColumnDef column(TokenCursor c, List<ConstraintDef> inlineConstraints) {
        Token at = c.here();
        String name = c.name();
        ColumnType type = c.isSymbol(",") || c.isSymbol(")") || c.atEnd() ? null : type(c);
        boolean serial = type != null && SERIAL.contains(type.base());
        boolean notNull = serial;
        String defaultValue = serial ? "nextval()" : null;
        boolean volatileDefault = serial;
        boolean rewrites = serial;
        boolean pk = false;
        boolean unique = false;
        String references = null;
        boolean check = false;
        String constraintName = null;
        String stored = null;
        while (!c.atEnd() && !c.isSymbol(",") && !c.isSymbol(")")) {
            Token t = c.here();
            if (c.accept("CONSTRAINT")) {
                constraintName = c.name();
            } else if (c.accept("NOT", "NULL")) {
                notNull = true;
            } else if (c.accept("NULL")) {
                notNull = false;
            } else if (c.accept("DEFAULT")) {
                int from = c.position();
                skipExpression(c);
                List<Token> expr = c.slice(from, c.position());
                defaultValue = text(expr);
                volatileDefault = callsVolatile(expr);
            } else if (c.accept("PRIMARY", "KEY")) {
                pk = true;
                notNull = true;
                inlineConstraints.add(new ConstraintDef(ConstraintDef.Kind.PRIMARY_KEY, constraintName, List.of(name),
                        false, false, null, null, t));
            } else if (c.accept("UNIQUE")) {
                c.accept("KEY");
                unique = true;
                inlineConstraints.add(new ConstraintDef(ConstraintDef.Kind.UNIQUE, constraintName, List.of(name),
                        false, false, null, null, t));
            } else if (c.accept("REFERENCES")) {
                references = c.name();
                if (c.isSymbol("(")) {
                    c.skipParens();
                }
                skipReferentialActions(c);
                inlineConstraints.add(new ConstraintDef(ConstraintDef.Kind.FOREIGN_KEY, constraintName, List.of(name),
                        false, false, null, references, t));
            } else if (c.is("CHECK") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
                c.next();
                int[] r = c.skipParens();
                check = true;
                inlineConstraints.add(new ConstraintDef(ConstraintDef.Kind.CHECK, constraintName, List.of(name),
                        false, false, notNullColumn(c.slice(r[0], r[1])), null, t));
            } else if (c.accept("GENERATED")) {
                String[] expr = new String[1];
                rewrites |= generated(c, expr);
                stored = expr[0] != null ? expr[0] : stored;
            } else if (c.is("AS") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
                c.next();
                int[] r = c.skipParens();
                if (c.is("STORED") || c.is("PERSISTENT")) {
                    rewrites = true;
                    stored = text(c.slice(r[0], r[1]));
                }
                c.accept("STORED");
                c.accept("PERSISTENT");
                c.accept("VIRTUAL");
            } else if (c.accept("AUTO_INCREMENT") || c.accept("IDENTITY")) {
                rewrites = true;
            } else if (c.accept("ON", "UPDATE")) {
                skipExpression(c);
            } else if (c.accept("CHARACTER", "SET") || c.accept("CHARSET") || c.accept("COLLATE")
                    || c.accept("COMMENT") || c.accept("AFTER") || c.accept("COLUMN_FORMAT") || c.accept("STORAGE")
                    || c.accept("SRID") || c.accept("COMPRESSION") || c.accept("INITIALLY")) {
                c.acceptSymbol("=");
                c.next();
            } else if (c.isSymbol("(")) {
                c.skipParens();
            } else {
                c.next(); // FIRST, DEFERRABLE, VISIBLE, … : no rule cares
            }
        }
        return new ColumnDef(name, type, notNull, defaultValue, volatileDefault, rewrites, pk, unique, references,
                check, stored, at);
    }

    /**
     * After GENERATED: identity or a STORED generated column fills every row; VIRTUAL does not.
     * The expression of a stored generated column goes to {@code stored[0]}.
     */
    private static boolean generated(TokenCursor c, String[] stored) {
        c.accept("ALWAYS");
        c.accept("BY", "DEFAULT");
        c.expect("AS");
        if (c.accept("IDENTITY")) {
            if (c.isSymbol("(")) {
                c.skipParens();
            }
            return true;
        }
        int[] r = c.isSymbol("(") ? c.skipParens() : null;
        boolean virtual = c.is("VIRTUAL");
        c.accept("STORED");
        c.accept("PERSISTENT");
        c.accept("VIRTUAL");
        if (!virtual) {
            stored[0] = r == null ? "" : text(c.slice(r[0], r[1]));
        }
        return !virtual;
    }

    /** A table constraint (after an optional CONSTRAINT name), or a MySQL index definition. */
    static ConstraintDef constraint(TokenCursor c) {
        Token at = c.here();
        String name = null;
        if (c.accept("CONSTRAINT")) {
            name = c.isName() && !c.is("PRIMARY") && !c.is("UNIQUE") && !c.is("FOREIGN") && !c.is("CHECK")
                    && !c.is("EXCLUDE") ? c.name() : null;
        }
        ConstraintDef.Kind kind;
        List<String> columns = List.of();
        String referenced = null;
        String notNullColumn = null;
        boolean usingIndex = false;
        if (c.accept("PRIMARY", "KEY")) {
            kind = ConstraintDef.Kind.PRIMARY_KEY;
        } else if (c.accept("UNIQUE")) {
            kind = ConstraintDef.Kind.UNIQUE;
            c.accept("NULLS", "NOT", "DISTINCT");
            c.accept("NULLS", "DISTINCT");
            if (c.accept("KEY") || c.accept("INDEX")) {
                name = c.isSymbol("(") ? name : c.name();
            } else if (c.isName() && !c.is("USING") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
                name = c.name();
            }
        } else if (c.accept("FOREIGN", "KEY")) {
            kind = ConstraintDef.Kind.FOREIGN_KEY;
            if (c.isName()) {
                name = c.name();
            }
        } else if (c.accept("CHECK")) {
            kind = ConstraintDef.Kind.CHECK;
            int[] r = c.skipParens();
            notNullColumn = notNullColumn(c.slice(r[0], r[1]));
            // the names the expression mentions (columns among them): a type change of one re-checks it
            columns = c.slice(r[0], r[1]).stream()
                    .filter(t -> t.type() == dev.bellows.sql.TokenType.WORD
                            || t.type() == dev.bellows.sql.TokenType.QUOTED_IDENTIFIER)
                    .map(Token::identifier).distinct().toList();
        } else if (c.accept("EXCLUDE")) {
            kind = ConstraintDef.Kind.EXCLUDE;
        } else if (c.accept("NOT", "NULL")) {
            kind = ConstraintDef.Kind.NOT_NULL;
            columns = List.of(c.name());
        } else {
            throw new Unrecognized("expected a constraint");
        }
        if (c.accept("USING", "INDEX")) {
            usingIndex = !c.is("TABLESPACE");
            if (usingIndex) {
                c.name();
            }
        }
        if (c.accept("USING")) {
            c.next(); // MySQL index type: USING BTREE
        }
        if (c.isSymbol("(") && kind != ConstraintDef.Kind.CHECK) {
            columns = names(c);
        }
        if (kind == ConstraintDef.Kind.FOREIGN_KEY) {
            c.expect("REFERENCES");
            referenced = c.name();
            if (c.isSymbol("(")) {
                c.skipParens();
            }
        }
        boolean notValid = false;
        while (!c.atEnd() && !c.isSymbol(",") && !c.isSymbol(")")) {
            if (c.accept("NOT", "VALID")) {
                notValid = true;
            } else if (c.accept("USING", "INDEX")) {
                usingIndex = !c.is("TABLESPACE");
                if (!c.atEnd()) {
                    c.next();
                }
            } else if (c.isSymbol("(")) {
                c.skipParens();
            } else {
                c.next();
            }
        }
        return new ConstraintDef(kind, name, columns, notValid, usingIndex, notNullColumn, referenced, at);
    }

    /** A parenthesised list of column names (index expressions yield their first word). */
    static List<String> names(TokenCursor c) {
        int[] r = c.skipParens();
        List<String> out = new ArrayList<>();
        boolean expectName = true;
        int depth = 0;
        for (Token t : c.slice(r[0], r[1])) {
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                expectName = true;
            } else if (expectName && (t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER)) {
                out.add(t.identifier());
                expectName = false;
            }
        }
        return out;
    }

    /** {@code c IS NOT NULL} (possibly parenthesised) → {@code c}. */
    static String notNullColumn(List<Token> expr) {
        List<Token> core = new ArrayList<>();
        for (Token t : expr) {
            if (!t.isSymbol("(") && !t.isSymbol(")")) {
                core.add(t);
            }
        }
        if (core.size() == 4 && core.get(1).is("IS") && core.get(2).is("NOT") && core.get(3).is("NULL")
                && (core.get(0).type() == TokenType.WORD || core.get(0).type() == TokenType.QUOTED_IDENTIFIER)) {
            return core.get(0).identifier();
        }
        return null;
    }

    /** Skips an expression up to a column-constraint keyword, a comma or a close paren at depth 0. */
    static void skipExpression(TokenCursor c) {
        boolean first = true;
        while (!c.atEnd()) {
            Token t = c.peek();
            if (t.isSymbol(",") || t.isSymbol(")")) {
                return;
            }
            if (!first && t.type() == TokenType.WORD
                    && COLUMN_CONSTRAINT_WORDS.contains(t.text().toLowerCase(Locale.ROOT))
                    && !(t.is("ON") && !c.is(1, "UPDATE"))) {
                return;
            }
            if (t.isSymbol("(")) {
                c.skipParens();
            } else {
                c.next();
            }
            first = false;
        }
    }

    private static void skipReferentialActions(TokenCursor c) {
        while (true) {
            if (c.accept("ON", "DELETE") || c.accept("ON", "UPDATE")) {
                if (!c.accept("NO", "ACTION") && !c.accept("SET", "NULL") && !c.accept("SET", "DEFAULT")) {
                    c.next();
                }
                if (c.isSymbol("(")) {
                    c.skipParens();
                }
            } else if (c.accept("MATCH")) {
                c.next();
            } else {
                return;
            }
        }
    }

    static boolean callsVolatile(List<Token> expr) {
        for (Token t : expr) {
            if (t.type() == TokenType.WORD && VOLATILE.contains(t.text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static String text(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        Token prev = null;
        for (Token t : tokens) {
            boolean glue = prev == null || t.isSymbol("(") || t.isSymbol(")") || t.isSymbol("::") || t.isSymbol(",")
                    || prev.isSymbol("(") || prev.isSymbol("::");
            if (!glue) {
                b.append(' ');
            }
            b.append(t.text());
            prev = t;
        }
        return b.toString();
    }
}
