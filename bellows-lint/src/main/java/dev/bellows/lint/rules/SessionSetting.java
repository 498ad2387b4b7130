package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.SessionSettings;
import dev.bellows.lint.parse.ParsedStatement;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import dev.bellows.model.Severity;

/** A SET that changes what later statements of the file mean. */
public final class SessionSetting implements Rule {

    public static final RuleInfo INFO = new RuleInfo("session-setting", Severity.WARNING, RuleInfo.BOTH,
            "Session setting that changes what the statements do",
            "Some session settings change the effect of the statements after them: a time zone changes how timestamps without an offset are read and how timestamp becomes timestamptz; foreign_key_checks=0 or unique_checks=0 (MySQL) and session_replication_role=replica (PostgreSQL) add constraints and rows without checking them; sql_mode changes what MySQL accepts. The same file then does something else on a server or tool with other settings, and verify cannot reproduce it.",
            "Write the effect into the statements (explicit offsets, explicit values, constraints added NOT VALID and validated) instead of changing the session.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Zones whose offset is always zero: setting one changes nothing on a server that runs UTC, as most do. */
    private static final Set<String> UTC = Set.of("utc", "etc/utc", "gmt", "etc/gmt", "z", "zulu", "universal");

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        Optional<SessionSettings> set = SessionSettings.of(s);
        if (set.isEmpty()) {
            return;
        }
        String var = set.get().variable();
        String value = set.get().value().toLowerCase(Locale.ROOT).strip();
        String why = switch (var) {
            case "timezone", "time_zone" -> UTC.contains(value) || value.equals("local") || value.equals("default")
                    ? null : "timestamps without an offset and timestamp → timestamptz conversions are read in "
                    + set.get().value() + ", not in the server's zone";
            case "foreign_key_checks", "unique_checks" -> value.equals("0") || value.equals("off") || value.equals("false")
                    ? "rows and constraints added after it are not checked" : null;
            case "session_replication_role" -> value.equals("replica")
                    ? "triggers and foreign keys are not enforced for the rows written after it" : null;
            case "sql_mode" -> "MySQL accepts or rejects values differently than the application's sessions do";
            default -> null;
        };
        if (why != null) {
            ctx.report(this, set.get().at(), "SET " + var + " changes what the statements after it do: " + why,
                    "Write the effect into the statements themselves (explicit offsets or values; constraints added "
                            + "NOT VALID and validated).",
                    "If the setting is needed, reset it at the end of the file and run bellows verify to see the "
                            + "statements' real effect.");
        }
    }
}
