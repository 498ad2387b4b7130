package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.LintReport;
import dev.bellows.lint.Linter;
import dev.bellows.lint.RuleExample;
import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.queries.QueryEntry;
import dev.bellows.queries.QueryManifest;
import dev.bellows.queries.QueryManifests;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContractDropQueriedObjectTest extends RuleTestSupport {

    ContractDropQueriedObjectTest() {
        super("contract-drop-queried-object");
    }

    /** Lints a 1.0 → 1.1 history whose 1.1 contract is {@code contract}, with release 1.1's manifest {@code queries}. */
    static LintReport lint(LintDialect d, String contract, String... queries) {
        List<Migration> ms = List.of(
                LintFixtures.migration(d, "1.0", Phase.EXPAND, 1,
                        "CREATE TABLE titles (id int, stock int, name text); CREATE VIEW cheap AS SELECT id FROM titles"),
                LintFixtures.migration(d, "1.1", Phase.EXPAND, 1, "ALTER TABLE titles ADD COLUMN stock_count bigint"),
                LintFixtures.migration(d, "1.1", Phase.CONTRACT, 1, contract));
        List<QueryEntry> entries = new ArrayList<>();
        for (int i = 0; i < queries.length; i++) {
            entries.add(new QueryEntry(queries[i], List.of(), 1, 2 + 3 * i, 1));
        }
        QueryManifests manifests = new QueryManifests(Optional.of(Path.of("db/queries")),
                List.of(new QueryManifest(Release.of("1.1"), Path.of("db/queries/1.1.sql"), entries)));
        return Linter.lint(ms, LintOptions.of(d).withQueries(manifests));
    }

    @Test
    void flagsADroppedColumnTableOrViewTheManifestStillUses() {
        List<Finding> f = flags(lint(PG, "ALTER TABLE titles DROP COLUMN stock",
                "SELECT id, stock_count FROM titles WHERE id = ?", "UPDATE titles SET stock = ? WHERE id = ?"), "column");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("drops column titles.stock", "UPDATE titles SET stock = ? WHERE id = ?",
                "db/queries/1.1.sql:5");
        flags(lint(MYSQL, "DROP TABLE titles", "SELECT name FROM titles"), "table");
        flags(lint(PG, "DROP VIEW cheap", "SELECT id FROM cheap"), "view");
    }

    @Test
    void passesWhenTheManifestNoLongerUsesItOrThereIsNoManifest() {
        passes(lint(PG, "ALTER TABLE titles DROP COLUMN stock", "SELECT id, stock_count FROM titles WHERE id = ?"),
                "manifest uses the new column only");
        passes(lint(MYSQL, "ALTER TABLE titles DROP COLUMN stock", "SELECT stock FROM other_table"),
                "same column name, other table");
        passes(LintFixtures.history(PG, "1.0/expand", "CREATE TABLE titles (id int, stock int)",
                "1.1/contract", "ALTER TABLE titles DROP COLUMN stock"), "no manifest");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        String drop = "ALTER TABLE titles DROP COLUMN stock";
        String old = "UPDATE titles SET stock = ? WHERE id = ?";
        String fresh = "UPDATE titles SET stock_count = ? WHERE id = ?";
        return List.of(
                new RuleExample(PG, true, drop + " | manifest: " + old, () -> lint(PG, drop, old)),
                new RuleExample(MYSQL, true, drop + " | manifest: " + old, () -> lint(MYSQL, drop, old)),
                new RuleExample(PG, false, drop + " | manifest: " + fresh, () -> lint(PG, drop, fresh)),
                new RuleExample(MYSQL, false, drop + " | manifest: " + fresh, () -> lint(MYSQL, drop, fresh)));
    }
}
