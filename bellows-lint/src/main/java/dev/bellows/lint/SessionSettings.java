package dev.bellows.lint;

import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a {@code SET} statement changes in the session: its variable and value, as written. */
public record SessionSettings(String variable, String value, Token at) {

    /** The variable and value of a {@code SET [SESSION|LOCAL|GLOBAL|@@…] name {=|TO} value} statement. */
    public static Optional<SessionSettings> of(ParsedStatement p) {
        if (p.verb() != Verb.SET) {
            return Optional.empty();
        }
        List<Token> t = p.source().tokens();
        int i = 1;
        while (i < t.size() && (t.get(i).is("SESSION") || t.get(i).is("LOCAL") || t.get(i).is("GLOBAL")
                || t.get(i).is("PERSIST"))) {
            i++;
        }
        if (i >= t.size()) {
            return Optional.empty();
        }
        Token at = t.get(i);
        if (at.is("TIME") && i + 1 < t.size() && t.get(i + 1).is("ZONE")) {
            return Optional.of(new SessionSettings("timezone", value(t, i + 2), at));
        }
        StringBuilder name = new StringBuilder();
        while (i < t.size() && !t.get(i).isSymbol("=") && !t.get(i).is("TO") && !t.get(i).isSymbol(":=")) {
            name.append(t.get(i).text());
            i++;
        }
        String var = name.toString().toLowerCase(Locale.ROOT).replace("@@session.", "").replace("@@", "");
        return Optional.of(new SessionSettings(var, value(t, i + 1), at));
    }

    /** The time zone a {@code SET TIME ZONE} / {@code SET timezone} statement chooses. */
    public static Optional<String> timeZone(ParsedStatement p) {
        return of(p).filter(s -> s.variable().equals("timezone") || s.variable().equals("time_zone"))
                .map(SessionSettings::value);
    }

    private static String value(List<Token> t, int from) {
        StringBuilder v = new StringBuilder();
        for (int i = from; i < t.size(); i++) {
            Token k = t.get(i);
            v.append(k.type() == TokenType.STRING ? k.text().substring(1, k.text().length() - 1) : k.text());
        }
        return v.toString();
    }
}
