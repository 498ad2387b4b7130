package dev.bellows.verify;

import dev.bellows.model.Finding;
import dev.bellows.sql.SqlComment;
import dev.bellows.sql.SqlStatement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waivers written before a statement: {@code -- bellows:allow verify-rewrite reason: small table}.
 * The reason is required; a waiver without one does not apply.
 */
final class Waivers {

    private static final Pattern ALLOW = Pattern.compile("bellows:allow\\s+([a-z0-9-]+)\\s*(?:reason:)?\\s*(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private Waivers() {
    }

    static Optional<String> reason(SqlStatement statement, String ruleId) {
        for (SqlComment c : statement.leadingComments()) {
            Matcher m = ALLOW.matcher(c.text());
            if (m.matches() && m.group(1).equalsIgnoreCase(ruleId) && !m.group(2).isBlank()) {
                return Optional.of(m.group(2).trim());
            }
        }
        return Optional.empty();
    }

    static List<Finding> apply(SqlStatement statement, List<Finding> findings) {
        return findings.stream()
                .map(f -> reason(statement, f.ruleId()).map(f::withWaiver).orElse(f))
                .toList();
    }
}
