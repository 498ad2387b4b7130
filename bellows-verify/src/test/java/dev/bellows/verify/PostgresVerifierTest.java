package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.db.PostgresDialect;
import dev.bellows.model.Finding;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.model.Severity;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every detection of issue 4 on embedded PostgreSQL, each on a fresh database of the shared test server. */
class PostgresVerifierTest {

    private static final String BASE = """
            CREATE TABLE t (id int PRIMARY KEY, n int, name varchar(50), legacy text);
            INSERT INTO t SELECT g, g, 'name' || g, 'x' FROM generate_series(1, 1000) g;
            """;

    @TempDir
    Path dir;
    MigrationTree tree;
    TestDatabase db;

    @BeforeEach
    void setUp() {
        tree = new MigrationTree(dir).file("1.0/expand/001_base.sql", BASE);
        db = Databases.postgres();
    }

    private VerifyReport verify() {
        return Verifier.verify(tree.load(), VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())));
    }

    private static List<String> errors(VerifyReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::ruleId).toList();
    }

    @Test
    void columnDroppedThroughExecuteInDoBlock() {
        tree.file("1.1/expand/001_sneaky.sql", """
                -- nothing to see here
                DO $$
                BEGIN
                  EXECUTE 'ALTER TABLE t DROP COLUMN ' || 'legacy';
                END $$;
                """);
        VerifyReport r = verify();
        assertThat(errors(r)).containsExactly("verify-dropped-column");
        Finding f = r.findings("verify-dropped-column").get(0);
        assertThat(f.file()).endsWith("1.1/expand/001_sneaky.sql");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.message()).contains("dropped column t.legacy").contains("expand of 1.1");
        assertThat(r.failed()).isTrue();
    }

    @Test
    void renameThroughFormat() {
        tree.file("1.1/expand/001_rename.sql", """
                DO $$
                BEGIN
                  EXECUTE format('ALTER TABLE %I RENAME COLUMN %I TO %I', 't', 'name', 'full_name');
                END $$;
                """);
        VerifyReport r = verify();
        assertThat(errors(r)).containsExactly("verify-renamed-column");
        assertThat(r.findings().get(0).message()).contains("renamed column t.name to t.full_name");
    }

    @Test
    void functionFromAnOlderReleaseThatDropsAColumnWhenANewMigrationCallsIt() {
        tree.file("1.0/expand/002_cleanup_function.sql", """
                CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                  ALTER TABLE t DROP COLUMN legacy;
                END $$;
                """);
        tree.file("1.1/expand/001_tidy.sql", "SELECT cleanup();\n");
        VerifyReport r = verify();
        assertThat(errors(r)).containsExactly("verify-dropped-column");
        assertThat(r.findings().get(0).file()).endsWith("1.1/expand/001_tidy.sql");
    }

    @Test
    void intToBigintRewritesUnderAccessExclusiveAndIsFlagged() {
        tree.file("1.1/expand/001_widen.sql", "ALTER TABLE t ALTER COLUMN n TYPE bigint;\n");
        VerifyReport r = verify();
        assertThat(errors(r)).containsExactly("verify-rewrite");
        assertThat(r.findings().get(0).message())
                .contains("rewrote table t", "1,000 rows", "ACCESS EXCLUSIVE held", "blocks reads and writes");
        StatementObservation s = r.migrations().get(1).statements().get(0);
        assertThat(s.rewrites()).extracting(StorageRewrite::name).containsExactlyInAnyOrder("t", "t_pkey");
        assertThat(r.findings().get(0).message()).contains("and its index t_pkey");
        assertThat(r.findings().get(0).help()).first().asString().contains("add a new column of type bigint next to t.n");
        assertThat(s.lockOn(s.rewrites().get(0).table())).get()
                .extracting(LockObservation::mode).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
    }

    @Test
    void indexesRebuiltByATypeChangeArePartOfTheRewriteNotDropped() {
        tree.file("1.0/expand/002_index.sql", """
                CREATE INDEX t_n ON t (n);
                ALTER TABLE t ADD CONSTRAINT t_n_positive CHECK (n > 0);
                """);
        tree.file("1.1/expand/001_widen.sql", "ALTER TABLE t ALTER COLUMN n TYPE bigint;\n");
        VerifyReport r = verify();
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("verify-rewrite");
        assertThat(r.findings().get(0).message()).contains("rewrote table t and its indexes t_n, t_pkey");
        StatementObservation s = r.migrations().get(2).statements().get(0);
        assertThat(s.rewrites()).extracting(StorageRewrite::name).containsExactly("t", "t_n", "t_pkey");
        // PostgreSQL really re-created t_n (a new OID): the diff pairs it with the old one by name and definition
        assertThat(s.changes()).extracting(SchemaChange::describe)
                .containsExactly("changed type of column t.n from integer to bigint");
    }

    @Test
    void anIndexRebuiltByATypeChangeIsStillPreExistingForALaterDropInTheSameExpand() {
        tree.file("1.0/expand/002_index.sql", "CREATE INDEX t_n ON t (n);\n");
        tree.file("1.1/expand/001_widen.sql", """
                -- bellows:allow verify-rewrite reason: t is tiny in production
                ALTER TABLE t ALTER COLUMN n TYPE bigint;
                """);
        tree.file("1.1/expand/002_drop.sql", "DROP INDEX t_n;\n");
        VerifyReport r = verify();
        assertThat(r.findings("verify-dropped-object")).singleElement().satisfies(f -> {
            assertThat(f.file()).endsWith("002_drop.sql");
            assertThat(f.message()).contains("dropped index t_n, which existed before release 1.1");
        });
    }

    @Test
    void timestampPrecisionWideningIsNeitherAnIncompatibleChangeNorARewrite() throws Exception {
        tree.file("1.0/expand/002_times.sql", """
                CREATE TABLE ev (id int PRIMARY KEY, at timestamp(3), atz timestamptz(3), t time(3),
                                 tz time(3) with time zone);
                CREATE INDEX ev_at ON ev (at);
                INSERT INTO ev SELECT g, now(), now(), now()::time, now()::timetz FROM generate_series(1, 100) g;
                """);
        tree.file("1.1/expand/001_widen.sql", """
                ALTER TABLE ev ALTER COLUMN at TYPE timestamp(6), ALTER COLUMN atz TYPE timestamptz(6),
                    ALTER COLUMN t TYPE time(6), ALTER COLUMN tz TYPE time with time zone;
                """);
        String widen = "ALTER TABLE ev ALTER COLUMN at TYPE timestamp(6), ALTER COLUMN atz TYPE timestamptz(6), "
                + "ALTER COLUMN t TYPE time(6), ALTER COLUMN tz TYPE time with time zone";
        // on the real server, directly: the table keeps its storage file
        try (PositionedShadow p = Verifier.positionAt(tree.load(), VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())),
                new Checkpoint(Release.of("1.0"), Phase.CONTRACT))) {
            long before = relfilenode(p, "ev");
            long index = relfilenode(p, "ev_at");
            try (var c = p.connect(); Statement st = c.createStatement()) {
                st.execute(widen);
            }
            assertThat(relfilenode(p, "ev")).isEqualTo(before);
            assertThat(relfilenode(p, "ev_at")).isEqualTo(index);
        }
        db = Databases.postgres();
        VerifyReport r = verify();
        assertThat(r.findings()).isEmpty();
        StatementObservation s = r.migrations().get(2).statements().get(0);
        assertThat(s.rewrites()).isEmpty();
        assertThat(s.changes()).extracting(SchemaChange::describe).contains(
                "changed type of column ev.at from timestamp(3) without time zone to timestamp(6) without time zone",
                "changed type of column ev.tz from time(3) with time zone to time with time zone");
    }

    private static long relfilenode(PositionedShadow p, String table) throws Exception {
        try (var c = p.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relfilenode FROM pg_class WHERE relname = '" + table + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void varcharWideningIsMetadataOnlyAndNotFlagged() {
        tree.file("1.1/expand/001_widen.sql", "ALTER TABLE t ALTER COLUMN name TYPE varchar(200);\n");
        VerifyReport r = verify();
        assertThat(r.findings()).isEmpty();
        StatementObservation s = r.migrations().get(1).statements().get(0);
        assertThat(s.rewrites()).isEmpty();
        assertThat(s.scans()).isEmpty();
        assertThat(s.locks()).extracting(LockObservation::mode).contains(LockMode.ACCESS_EXCLUSIVE);
        assertThat(s.changes()).extracting(SchemaChange::describe)
                .contains("changed type of column t.name from character varying(50) to character varying(200)");
    }

    @Test
    void notValidThenValidateInSeparateMigrationsIsNotFlagged() {
        tree.file("1.1/expand/001_check.sql", "ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0) NOT VALID;\n");
        tree.file("1.1/expand/002_validate.sql", "ALTER TABLE t VALIDATE CONSTRAINT n_positive;\n");
        VerifyReport r = verify();
        assertThat(errors(r)).isEmpty();
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("verify-constraint-added");
        StatementObservation validate = r.migrations().get(2).statements().get(0);
        assertThat(validate.scans()).hasSize(1);
        assertThat(validate.locks()).extracting(LockObservation::mode)
                .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE);
    }

    @Test
    void validateInTheSameTransactionAsTheNotValidAddScansUnderAccessExclusive() {
        tree.file("1.1/expand/001_check.sql", """
                ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0) NOT VALID;
                ALTER TABLE t VALIDATE CONSTRAINT n_positive;
                """);
        VerifyReport r = verify();
        assertThat(errors(r)).containsExactly("verify-locked-scan");
        Finding f = r.findings("verify-locked-scan").get(0);
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.message()).contains("scanned table t (1,000 rows read) while holding ACCESS EXCLUSIVE");
    }

    @Test
    void createIndexConcurrentlyIsNotFlaggedButAPlainCreateIndexIs() {
        tree.file("1.1/expand/001_index.sql", "CREATE INDEX CONCURRENTLY t_n_idx ON t (n);\n");
        tree.file("1.2/expand/001_index.sql", "CREATE INDEX t_name_idx ON t (name);\n");
        VerifyReport r = verify();
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("verify-locked-scan");
        assertThat(r.findings().get(0).file()).contains("1.2");
        assertThat(r.findings().get(0).message()).contains("while holding SHARE on it", "blocks writes");
        assertThat(r.findings().get(0).help()).singleElement().asString()
                .contains("Build t_name_idx with CREATE INDEX CONCURRENTLY");
        StatementObservation cic = r.migrations().get(1).statements().get(0);
        assertThat(cic.transactional()).isFalse();
        assertThat(cic.changes()).extracting(SchemaChange::describe).contains("added index t_n_idx");
    }

    @Test
    void contractDroppingAColumnItsOwnExpandAddedIsFlagged() {
        tree.file("1.1/expand/001_add.sql", "ALTER TABLE t ADD COLUMN email text;\n");
        tree.file("1.1/contract/001_drop.sql", "ALTER TABLE t DROP COLUMN email;\nALTER TABLE t DROP COLUMN legacy;\n");
        VerifyReport r = verify();
        assertThat(errors(r)).containsExactly("verify-contract-removes-new");
        Finding f = r.findings().get(0);
        assertThat(f.line()).isEqualTo(1);
        assertThat(f.message()).contains("contract of 1.1 dropped column t.email, which expand of 1.1 added");
    }

    @Test
    void dropsInContractAndInTheFirstReleaseAreFine() {
        tree.file("1.0/expand/002_more.sql", "CREATE TABLE tmp (a int);\nDROP TABLE tmp;\nALTER TABLE t RENAME COLUMN legacy TO old;\n");
        tree.file("1.1/contract/001_drop.sql", "ALTER TABLE t DROP COLUMN old;\n");
        VerifyReport r = verify();
        assertThat(r.findings()).isEmpty();
        assertThat(r.failed()).isFalse();
    }

    @Test
    void aTableRenamedTogetherWithAViewOfItsOldNameIsCompatibleAndTheContractMayDropTheView() {
        tree.file("1.1/expand/001_rename.sql", """
                ALTER TABLE t RENAME TO things;
                CREATE VIEW t AS SELECT id, n, name, legacy FROM things;
                CREATE FUNCTION sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER sync BEFORE INSERT ON things FOR EACH ROW EXECUTE FUNCTION sync();
                """);
        tree.file("1.1/contract/001_drop_view.sql", "DROP VIEW t;\nDROP TRIGGER sync ON things;\nDROP FUNCTION sync();\n");
        tree.file("1.2/expand/001_rename.sql", """
                ALTER TABLE things RENAME TO stuff;
                CREATE VIEW things AS SELECT id, n FROM stuff;
                """);
        VerifyReport r = verify();
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("verify-renamed-table");
        assertThat(r.findings().get(0).message()).contains("1.2", "renamed table things to stuff",
                "view things keeps the old name but lacks name, legacy");
    }

    @Test
    void otherDropsRenamesAndChangesOfPreExistingObjectsInExpand() {
        tree.file("1.0/expand/002_more.sql", """
                CREATE TYPE mood AS ENUM ('happy', 'sad');
                CREATE TABLE gone (a int);
                CREATE VIEW v AS SELECT id FROM t;
                CREATE INDEX t_n_idx ON t (n);
                ALTER TABLE t ALTER COLUMN legacy SET DEFAULT 'x';
                """);
        tree.file("1.1/expand/001_changes.sql", """
                DROP TABLE gone;
                DROP VIEW v;
                ALTER INDEX t_n_idx RENAME TO t_n_index;
                ALTER TABLE t ALTER COLUMN legacy SET DEFAULT 'y';
                ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
                """);
        tree.file("1.2/expand/001_view.sql", "CREATE VIEW w AS SELECT id FROM t;\n");
        tree.file("1.3/expand/001_view.sql", "CREATE OR REPLACE VIEW w AS SELECT id FROM t WHERE n > 0;\n");
        VerifyReport r = verify();
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::severity, Finding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("verify-dropped-table", Severity.ERROR, 1),
                org.assertj.core.groups.Tuple.tuple("verify-dropped-object", Severity.ERROR, 2),
                org.assertj.core.groups.Tuple.tuple("verify-renamed-object", Severity.WARNING, 3),
                org.assertj.core.groups.Tuple.tuple("verify-default-changed", Severity.WARNING, 4),
                org.assertj.core.groups.Tuple.tuple("verify-renamed-object", Severity.ERROR, 5),
                org.assertj.core.groups.Tuple.tuple("verify-definition-changed", Severity.WARNING, 1));
        assertThat(r.findings().get(0).message()).contains("dropped table gone");
        assertThat(r.findings().get(1).message()).contains("dropped view v");
        assertThat(r.findings().get(4).message()).contains("renamed enum value mood.sad to mood.blue");
    }

    @Test
    void tablesExpandCreatedServeTrafficInContractSoTheirRewritesAreFlaggedThere() {
        tree.file("1.1/expand/001_new.sql", """
                CREATE TABLE fresh (id int PRIMARY KEY, v int);
                INSERT INTO fresh SELECT g, g FROM generate_series(1, 100) g;
                ALTER TABLE fresh ALTER COLUMN v TYPE bigint;
                """);
        tree.file("1.1/contract/001_rewrite.sql", "ALTER TABLE fresh ALTER COLUMN v TYPE numeric;\n");
        VerifyReport r = verify();
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("verify-rewrite",
                        r.migrations().get(2).migration().displayPath()));
    }

    @Test
    void droppingAnIndexedColumnIsOneFindingAndMigrateDdlIsOnePerStatement() {
        tree.file("1.0/expand/002_idx.sql", "CREATE INDEX t_legacy_idx ON t (legacy);\n");
        tree.file("1.1/expand/001_drop.sql", "ALTER TABLE t DROP COLUMN legacy;\n");
        tree.file("1.1/migrate/001_table.sql", "CREATE TABLE side (id int PRIMARY KEY, a text, b text);\n");
        VerifyReport r = verify();
        assertThat(r.findings()).extracting(Finding::ruleId)
                .containsExactly("verify-dropped-column", "verify-migrate-schema-change");
        assertThat(r.findings().get(1).message()).contains("added table side", "more changes");
    }

    @Test
    void migrateMustNotChangeTheSchema() {
        tree.file("1.1/migrate/001_backfill.sql", "UPDATE t SET legacy = 'y' WHERE id < 10;\nCREATE INDEX t_legacy ON t (legacy);\n");
        VerifyReport r = verify();
        assertThat(r.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("verify-migrate-schema-change", "verify-locked-scan");
        assertThat(r.findings("verify-migrate-schema-change").get(0).line()).isEqualTo(2);
    }

    @Test
    void notNullWithoutDefaultAndDroppedDefaultInExpandAreFlagged() {
        tree.file("1.0/expand/002_default.sql", "ALTER TABLE t ALTER COLUMN legacy SET DEFAULT 'x';\n");
        tree.file("1.1/expand/001_tighten.sql", """
                ALTER TABLE t ALTER COLUMN legacy DROP DEFAULT;
                ALTER TABLE t ALTER COLUMN n SET NOT NULL;
                ALTER TABLE t ADD COLUMN code text NOT NULL DEFAULT 'c';
                ALTER TABLE t ALTER COLUMN name TYPE int USING 0;
                """);
        VerifyReport r = verify();
        assertThat(errors(r)).contains("verify-default-dropped", "verify-not-null-added", "verify-type-change",
                "verify-rewrite");
        assertThat(r.findings("verify-not-null-added")).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(2));
        // SET NOT NULL scans t under ACCESS EXCLUSIVE
        assertThat(r.findings("verify-locked-scan")).extracting(Finding::line).contains(2);
    }

    @Test
    void aWaiverWithAReasonAppliesToItsStatement() {
        tree.file("1.1/expand/001_widen.sql", """
                -- bellows:allow verify-rewrite reason: t has 20 rows in production
                ALTER TABLE t ALTER COLUMN n TYPE bigint;
                """);
        VerifyReport r = verify();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("verify-rewrite");
            assertThat(f.waiver()).isEqualTo("t has 20 rows in production");
        });
        assertThat(r.failed()).isFalse();
    }

    @Test
    void aLintWaiverOfTheSameHazardWaivesTheVerifyFindingAndSaysWhichWaiverApplied() {
        tree.file("1.1/expand/001_widen.sql", """
                -- bellows:allow pg-rewriting-type-change reason: tiny table
                ALTER TABLE t ALTER COLUMN n TYPE bigint;
                """);
        VerifyReport r = verify();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("verify-rewrite");
            assertThat(f.waiver()).isEqualTo("tiny table (waiver of lint rule pg-rewriting-type-change, "
                    + "the same hazard as verify-rewrite)");
        });
        assertThat(r.failed()).isFalse();
        assertThat(r.waivers()).singleElement().satisfies(w -> {
            assertThat(w.ruleId()).isEqualTo("verify-rewrite");
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.reason()).contains("pg-rewriting-type-change");
        });
        assertThat(TextReport.render(r, false)).contains("001_widen.sql:1: allow verify-rewrite — tiny table "
                + "(waiver of lint rule pg-rewriting-type-change", "0 error(s), 0 warning(s), 1 waived");
    }

    @Test
    void aFileWideLintWaiverCoversItsOwnHazardOnlyAndTheStatementsOwnWaiverComesFirst() {
        tree.file("1.1/expand/001_changes.sql", """
                -- bellows:allow expand-drop-column reason: legacy is unused since 0.9
                ALTER TABLE t DROP COLUMN legacy;
                -- bellows:allow verify-dropped-column reason: name is unused too
                -- bellows:allow expand-set-not-null reason: the wrong hazard for a rewrite
                ALTER TABLE t DROP COLUMN name, ALTER COLUMN n TYPE bigint;
                """);
        VerifyReport r = verify();
        assertThat(r.findings("verify-dropped-column")).extracting(Finding::line, Finding::waiver).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "legacy is unused since 0.9 (waiver of lint rule "
                        + "expand-drop-column, the same hazard as verify-dropped-column)"),
                org.assertj.core.groups.Tuple.tuple(5, "name is unused too"));
        // expand-set-not-null does not describe a rewrite: verify-rewrite stays an error
        assertThat(r.findings("verify-rewrite")).singleElement()
                .satisfies(f -> assertThat(f.waived()).isFalse());
        assertThat(r.failed()).isTrue();
    }

    @Test
    void aFailingStatementIsAFindingAndStopsTheRun() {
        tree.file("1.1/expand/001_bad.sql", "ALTER TABLE nope ADD COLUMN x int;\n");
        tree.file("1.2/expand/001_never.sql", "ALTER TABLE t DROP COLUMN legacy;\n");
        VerifyReport r = verify();
        assertThat(errors(r)).containsExactly("verify-failed");
        assertThat(r.findings().get(0).message()).contains("nope");
        assertThat(r.migrations()).hasSize(2);
    }

    @Test
    void refusesAShadowThatIsNotEmpty() throws Exception {
        db.execute("CREATE TABLE already_here (a int)");
        assertThatThrownBy(this::verify).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not empty").hasMessageContaining("table already_here");
    }

    @Test
    void positionsTheShadowAfterAGivenPhase() throws Exception {
        tree.file("1.1/expand/001_add.sql", "ALTER TABLE t ADD COLUMN email text;\n");
        tree.file("1.1/contract/001_drop.sql", "ALTER TABLE t DROP COLUMN legacy;\n");
        VerifyOptions options = VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password()));
        try (PositionedShadow shadow = Verifier.positionAt(tree.load(), options,
                new Checkpoint(Release.of("1.1"), Phase.EXPAND))) {
            assertThat(shadow.url()).isEqualTo(db.url());
            assertThat(shadow.report().migrations()).hasSize(2);
            try (var c = shadow.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM t WHERE legacy IS NOT NULL AND email IS NULL")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1000);
            }
        }
    }
}
