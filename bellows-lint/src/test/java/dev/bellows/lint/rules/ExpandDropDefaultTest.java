package dev.bellows.lint.rules;

import dev.bellows.lint.RuleExample;
import java.util.List;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExpandDropDefaultTest extends RuleTestSupport {

    ExpandDropDefaultTest() {
        super("expand-drop-default");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void flagsDroppingADefault(LintDialect d) {
        flags(d, EXPAND, "ALTER TABLE books ALTER COLUMN state DROP DEFAULT");
    }

    @ParameterizedTest
    @EnumSource(LintDialect.class)
    void passesInContractOrForSetDefault(LintDialect d) {
        passes(d, CONTRACT, "ALTER TABLE books ALTER COLUMN state DROP DEFAULT");
        passes(d, EXPAND, "ALTER TABLE books ALTER COLUMN state SET DEFAULT 'new'");
        passes(d, EXPAND, "ALTER TABLE books ADD COLUMN s int DEFAULT 1; ALTER TABLE books ALTER COLUMN s DROP DEFAULT");
    }

    /** Reviewer B item 1: MySQL MODIFY/CHANGE that leaves DEFAULT out drops the default. */
    @Test
    void flagsMysqlModifyThatLeavesTheDefaultOut() {
        java.util.List<Finding> f = flags(LintFixtures.history(MYSQL,
                "1.0/expand", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT '')",
                "1.1/expand", "ALTER TABLE users MODIFY COLUMN name VARCHAR(50) NOT NULL"), "MODIFY without DEFAULT");
        org.assertj.core.api.Assertions.assertThat(f.get(0).message()).contains("users.name").contains("MODIFY");
        org.assertj.core.api.Assertions.assertThat(String.join("\n", f.get(0).help()))
                .contains("ALTER TABLE users MODIFY COLUMN name VARCHAR(50) NOT NULL DEFAULT ''");
        flags(LintFixtures.history(MYSQL,
                "1.0/expand", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT '')",
                "1.1/expand", "ALTER TABLE users CHANGE name full_name VARCHAR(50) NOT NULL"), "CHANGE without DEFAULT");
        flags(LintFixtures.history(MYSQL,
                "1.0/expand", "CREATE TABLE accounts (id INT PRIMARY KEY, plan VARCHAR(20) DEFAULT 'free')",
                "1.1/expand", "ALTER TABLE accounts MODIFY plan VARCHAR(20) DEFAULT NULL"), "explicit DEFAULT NULL");
    }

    @Test
    void passesMysqlModifyThatKeepsTheDefaultOrHadNone() {
        passes(LintFixtures.history(MYSQL,
                "1.0/expand", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT '')",
                "1.1/expand", "ALTER TABLE users MODIFY COLUMN name VARCHAR(80) NOT NULL DEFAULT ''"), "keeps default");
        passes(LintFixtures.history(MYSQL,
                "1.0/expand", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL)",
                "1.1/expand", "ALTER TABLE users MODIFY COLUMN name VARCHAR(80) NOT NULL"), "had no default");
        passes(LintFixtures.history(MYSQL,
                "1.0/expand", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT '')",
                "1.1/contract", "ALTER TABLE users MODIFY COLUMN name VARCHAR(50) NOT NULL"), "in contract");
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "ALTER TABLE books ALTER COLUMN state DROP DEFAULT"),
                RuleExample.flagsHistory(MYSQL, "1.0/expand", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT '')",
                        "1.1/expand", "ALTER TABLE users MODIFY COLUMN name VARCHAR(50) NOT NULL"),
                RuleExample.passes(PG, CONTRACT, "ALTER TABLE books ALTER COLUMN state DROP DEFAULT"),
                RuleExample.passesHistory(MYSQL, "1.0/expand", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT '')",
                        "1.1/expand", "ALTER TABLE users MODIFY COLUMN name VARCHAR(80) NOT NULL DEFAULT ''"));
    }
}
