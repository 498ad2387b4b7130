package dev.bellows.lint.parse;

import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The output column names of a {@code CREATE [MATERIALIZED] VIEW}, when the statement names them all. */
public final class ViewColumns {

    private ViewColumns() {
    }

    /** The view's column names, or empty when one cannot be named statically ({@code *}, an unnamed expression). */
    public static Optional<List<String>> of(ParsedStatement s) {
        if (s.verb() != Verb.CREATE || s.type() != ObjectType.VIEW && s.type() != ObjectType.MATERIALIZED_VIEW) {
            return Optional.empty();
        }
        List<Token> t = s.source().tokens();
        int i = 0;
        while (i < t.size() && !(t.get(i).is("VIEW"))) {
            i++;
        }
        i += 2; // VIEW name
        while (i < t.size() && t.get(i - 1).isSymbol(".")) {
            i++;
        }
        while (i < t.size() && t.get(i).isSymbol(".")) {
            i += 2;
        }
        if (i < t.size() && t.get(i).isSymbol("(")) {
            List<String> names = new ArrayList<>();
            for (i++; i < t.size() && !t.get(i).isSymbol(")"); i++) {
                if (!t.get(i).isSymbol(",")) {
                    names.add(t.get(i).identifier());
                }
            }
            return Optional.of(names);
        }
        while (i < t.size() && !t.get(i).is("SELECT")) {
            i++;
        }
        i++;
        if (i < t.size() && (t.get(i).is("DISTINCT") || t.get(i).is("ALL"))) {
            i++;
        }
        List<String> names = new ArrayList<>();
        List<Token> item = new ArrayList<>();
        int depth = 0;
        for (; i <= t.size(); i++) {
            Token k = i < t.size() ? t.get(i) : null;
            boolean end = k == null || depth == 0 && (k.is("FROM") || k.is("WHERE") || k.is("GROUP")
                    || k.is("UNION") || k.is("ORDER") || k.is("LIMIT") || k.is("WITH") || k.isSymbol(";"));
            if (end || depth == 0 && k.isSymbol(",")) {
                String n = name(item);
                if (n == null) {
                    return Optional.empty();
                }
                names.add(n);
                item.clear();
                if (end) {
                    break;
                }
                continue;
            }
            if (k.isSymbol("(")) {
                depth++;
            } else if (k.isSymbol(")")) {
                depth--;
            }
            item.add(k);
        }
        return Optional.of(names);
    }

    private static String name(List<Token> item) {
        if (item.isEmpty()) {
            return null;
        }
        Token last = item.get(item.size() - 1);
        boolean ident = last.type() == TokenType.WORD || last.type() == TokenType.QUOTED_IDENTIFIER;
        if (!ident) {
            return null;
        }
        if (item.size() == 1) {
            return last.identifier();
        }
        Token before = item.get(item.size() - 2);
        boolean named = before.is("AS") || before.isSymbol(".") || before.isSymbol(")")
                || before.type() == TokenType.WORD || before.type() == TokenType.QUOTED_IDENTIFIER;
        return named ? last.identifier() : null;
    }
}
