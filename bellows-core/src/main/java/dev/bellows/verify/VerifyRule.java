package dev.bellows.verify;

import dev.bellows.model.Severity;
import dev.bellows.report.ReportedRule;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every verdict verify can give: the one registry of its rule ids. */
public enum VerifyRule {
    DROPPED_TABLE("verify-dropped-table", Severity.ERROR,
            "expand dropped a table that existed before the release",
            "The previous release still reads and writes it while both releases run. Drop it in contract."),
    DROPPED_COLUMN("verify-dropped-column", Severity.ERROR,
            "expand dropped a column that existed before the release",
            "The previous release still reads and writes it while both releases run. Drop it in contract."),
    DROPPED_OBJECT("verify-dropped-object", Severity.ERROR,
            "expand dropped a view, function, sequence, type, enum value, index, constraint or trigger that existed "
                    + "before the release",
            "Objects code uses by name are errors; indexes, constraints and triggers are warnings. Drop in contract."),
    RENAMED_TABLE("verify-renamed-table", Severity.ERROR,
            "expand renamed a table the previous release uses (and left no view with the old name)",
            "Add the new name next to the old one (a view over the old name), drop the old name in contract."),
    RENAMED_COLUMN("verify-renamed-column", Severity.ERROR,
            "expand renamed a column the previous release uses",
            "Add a new column, keep both in sync with a trigger, backfill in migrate, drop the old one in contract."),
    RENAMED_OBJECT("verify-renamed-object", Severity.ERROR,
            "expand renamed another object that existed before the release",
            "The previous release still uses the old name."),
    TYPE_CHANGE("verify-type-change", Severity.ERROR,
            "expand changed a column's type in a way that is not a widening",
            "Add a new column of the new type, sync with a trigger, backfill, drop the old column in contract."),
    NOT_NULL_ADDED("verify-not-null-added", Severity.ERROR,
            "expand made a pre-existing table require a value the previous release does not write",
            "NOT NULL without a default on a new or existing column breaks the previous release's inserts."),
    DEFAULT_DROPPED("verify-default-dropped", Severity.ERROR,
            "expand dropped a column default that existed before the release",
            "Inserts of the previous release that leave the column out change meaning or fail."),
    DEFAULT_CHANGED("verify-default-changed", Severity.WARNING,
            "expand changed a column default that existed before the release",
            "Rows the previous release inserts get the new default."),
    DEFINITION_CHANGED("verify-definition-changed", Severity.WARNING,
            "expand changed the definition of a view that existed before the release",
            "The previous release's queries may get different rows or columns."),
    CONSTRAINT_ADDED("verify-constraint-added", Severity.WARNING,
            "expand added a constraint to a table that existed before the release",
            "Writes of the previous release that violate it fail."),
    MIGRATE_SCHEMA_CHANGE("verify-migrate-schema-change", Severity.ERROR,
            "migrate changed the schema",
            "migrate runs while both releases serve traffic and must only change data, in batches."),
    CONTRACT_REMOVES_NEW("verify-contract-removes-new", Severity.ERROR,
            "contract removed something its own release's expand added",
            "The new release uses what its expand added. Compatibility shims (views of an old name, triggers) may go."),
    REWRITE("verify-rewrite", Severity.ERROR,
            "a pre-existing table or index was rewritten under a lock that blocks writes",
            "The rewrite takes time proportional to the table; reads (ACCESS EXCLUSIVE) or writes wait all along."),
    LOCKED_SCAN("verify-locked-scan", Severity.ERROR,
            "a pre-existing table was scanned under a lock that blocks writes",
            "Validate constraints with NOT VALID + VALIDATE, build indexes CONCURRENTLY, backfill in migrate."),
    FAILED("verify-failed", Severity.ERROR,
            "a statement failed on the shadow database",
            "The migrations after it were not verified."),
    LINT_UNCONFIRMED("compare-lint-unconfirmed", Severity.WARNING,
            "--compare-lint: a lint finding the database did not confirm",
            "The linter flagged the statement but running it showed no such effect: a lint false positive, or an "
                    + "effect that needs more data (try --rows)."),
    LINT_MISSED("compare-lint-missed", Severity.WARNING,
            "--compare-lint: an observed problem the linter missed",
            "Running the statement showed a problem no lint rule flagged on it: a lint false negative.");

    private final String id;
    private final Severity severity;
    private final String title;
    private final String description;

    VerifyRule(String id, Severity severity, String title, String description) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Every rule's metadata, as reports (SARIF rules) show it. */
    public static List<ReportedRule> reported() {
        return Arrays.stream(values())
                .map(r -> new ReportedRule(r.id, r.title, r.description, r.severity, ""))
                .toList();
    }

    public static Optional<VerifyRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
