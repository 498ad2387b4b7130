package dev.bellows.verify;

import dev.bellows.model.Severity;
import dev.bellows.report.ReportedRule;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every verdict verify can give: the one registry of its rule ids (here, beside lint, so waivers of lint can name them). */
public enum VerifyRule {
    DROPPED_TABLE("verify-dropped-table", Severity.ERROR,
            "expand dropped a table that existed before the release",
            "The previous release still reads and writes it while both releases run. Drop it in contract.",
            lint("expand-drop-table")),
    DROPPED_COLUMN("verify-dropped-column", Severity.ERROR,
            "expand dropped a column that existed before the release",
            "The previous release still reads and writes it while both releases run. Drop it in contract.",
            lint("expand-drop-column")),
    DROPPED_OBJECT("verify-dropped-object", Severity.ERROR,
            "expand dropped a view, function, sequence, type, enum value, index, constraint or trigger that existed "
                    + "before the release",
            "Objects code uses by name are errors; indexes, constraints and triggers are warnings. Drop in contract.",
            lint("expand-drop-object")),
    RENAMED_TABLE("verify-renamed-table", Severity.ERROR,
            "expand renamed a table the previous release uses (and left no view with the old name)",
            "Add the new name next to the old one (a view over the old name), drop the old name in contract.",
            lint("expand-rename-table")),
    RENAMED_COLUMN("verify-renamed-column", Severity.ERROR,
            "expand renamed a column the previous release uses",
            "Add a new column, keep both in sync with a trigger, backfill in migrate, drop the old one in contract.",
            lint("expand-rename-column")),
    RENAMED_OBJECT("verify-renamed-object", Severity.ERROR,
            "expand renamed another object that existed before the release",
            "The previous release still uses the old name.",
            lint("expand-rename-object")),
    TYPE_CHANGE("verify-type-change", Severity.ERROR,
            "expand changed a column's type in a way that is not a widening",
            "Add a new column of the new type, sync with a trigger, backfill, drop the old column in contract.",
            lint("expand-change-column-type", "expand-drop-enum-value")),
    NOT_NULL_ADDED("verify-not-null-added", Severity.ERROR,
            "expand made a pre-existing table require a value the previous release does not write",
            "NOT NULL without a default on a new or existing column breaks the previous release's inserts.",
            lint("expand-set-not-null", "expand-add-not-null-column")),
    DEFAULT_DROPPED("verify-default-dropped", Severity.ERROR,
            "expand dropped a column default that existed before the release",
            "Inserts of the previous release that leave the column out change meaning or fail.",
            lint("expand-drop-default")),
    DEFAULT_CHANGED("verify-default-changed", Severity.WARNING,
            "expand changed a column default that existed before the release",
            "Rows the previous release inserts get the new default."),
    DEFINITION_CHANGED("verify-definition-changed", Severity.WARNING,
            "expand changed the definition of a view that existed before the release",
            "The previous release's queries may get different rows or columns."),
    CONSTRAINT_ADDED("verify-constraint-added", Severity.WARNING,
            "expand added a constraint to a table that existed before the release",
            "Writes of the previous release that violate it fail.",
            lint("expand-add-constraint")),
    MIGRATE_SCHEMA_CHANGE("verify-migrate-schema-change", Severity.ERROR,
            "migrate changed the schema",
            "migrate runs while both releases serve traffic and must only change data, in batches.",
            lint("migrate-ddl")),
    CONTRACT_REMOVES_NEW("verify-contract-removes-new", Severity.ERROR,
            "contract removed something its own release's expand added",
            "The new release uses what its expand added. Compatibility shims (views of an old name, triggers) may go.",
            lint("contract-drop-new-object")),
    REWRITE("verify-rewrite", Severity.ERROR,
            "a pre-existing table or index was rewritten under a lock that blocks writes",
            "The rewrite takes time proportional to the table; reads (ACCESS EXCLUSIVE) or writes wait all along.",
            lint("pg-rewriting-type-change", "pg-table-rewrite", "pg-volatile-default",
                    "pg-reindex-not-concurrently")),
    LOCKED_SCAN("verify-locked-scan", Severity.ERROR,
            "a pre-existing table was scanned under a lock that blocks writes",
            "Validate constraints with NOT VALID + VALIDATE, build indexes CONCURRENTLY, backfill in migrate.",
            lint("pg-set-not-null-scan", "pg-constraint-not-valid", "pg-unique-not-using-index",
                    "pg-create-index-not-concurrently", "pg-validate-in-same-transaction", "pg-type-change-check-scan",
                    "pg-alter-domain-add-constraint")),
    QUERY_FAILS("verify-query-fails", Severity.ERROR,
            "a statement of a release's query manifest does not prepare on a schema that release meets",
            "Release N-1's statements must prepare after expand(N) and migrate(N), release N's after expand(N) and "
                    + "contract(N). The finding names the migration that broke the statement."),
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
    private final List<String> lintRules;

    VerifyRule(String id, Severity severity, String title, String description) {
        this(id, severity, title, description, List.of());
    }

    VerifyRule(String id, Severity severity, String title, String description, List<String> lintRules) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.description = description;
        this.lintRules = lintRules;
    }

    private static List<String> lint(String... ids) {
        return List.of(ids);
    }

    /**
     * The lint rules that flag the same hazard before it runs (each lint rule belongs to at most one
     * verify rule). A {@code -- bellows:allow} waiver of any of them also waives this rule's finding
     * on the same statement, and {@code --compare-lint} compares them with this rule.
     */
    public List<String> lintRules() {
        return lintRules;
    }

    /** The verify rule that observes the hazard lint rule {@code lintRuleId} flags, if any. */
    public static Optional<VerifyRule> forLintRule(String lintRuleId) {
        return Arrays.stream(values()).filter(r -> r.lintRules.contains(lintRuleId)).findFirst();
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
