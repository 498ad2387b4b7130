package dev.bellows.lint;

import dev.bellows.lint.rules.ContractAddition;
import dev.bellows.lint.rules.ContractDropNewObject;
import dev.bellows.lint.rules.ContractDropQueriedObject;
import dev.bellows.lint.rules.EmptyMigration;
import dev.bellows.lint.rules.ExpandAddConstraint;
import dev.bellows.lint.rules.ExpandAddNotNullColumn;
import dev.bellows.lint.rules.ExpandChangeColumnType;
import dev.bellows.lint.rules.ExpandDataChange;
import dev.bellows.lint.rules.ExpandDropColumn;
import dev.bellows.lint.rules.ExpandDropDefault;
import dev.bellows.lint.rules.ExpandDropEnumValue;
import dev.bellows.lint.rules.ExpandDropObject;
import dev.bellows.lint.rules.ExpandDropTable;
import dev.bellows.lint.rules.ExpandRenameColumn;
import dev.bellows.lint.rules.ExpandRenameObject;
import dev.bellows.lint.rules.ExpandRenameTable;
import dev.bellows.lint.rules.ExpandSetNotNull;
import dev.bellows.lint.rules.InvalidWaiver;
import dev.bellows.lint.rules.MigrateDdl;
import dev.bellows.lint.rules.MigrateUnboundedDml;
import dev.bellows.lint.rules.MysqlBlockingIndex;
import dev.bellows.lint.rules.MysqlCopyAlgorithm;
import dev.bellows.lint.rules.MysqlTableCopy;
import dev.bellows.lint.rules.PgConcurrentlyInTransaction;
import dev.bellows.lint.rules.PgConstraintNotValid;
import dev.bellows.lint.rules.PgCreateIndexNotConcurrently;
import dev.bellows.lint.rules.PgDetachPartitionNotConcurrently;
import dev.bellows.lint.rules.PgDropIndexNotConcurrently;
import dev.bellows.lint.rules.PgLockTable;
import dev.bellows.lint.rules.PgRefreshMaterializedViewNotConcurrently;
import dev.bellows.lint.rules.PgReindexNotConcurrently;
import dev.bellows.lint.rules.PgRewritingTypeChange;
import dev.bellows.lint.rules.PgSetNotNullScan;
import dev.bellows.lint.rules.PgTableRewrite;
import dev.bellows.lint.rules.PgUniqueNotUsingIndex;
import dev.bellows.lint.rules.PgVolatileDefault;
import dev.bellows.lint.rules.UnrecognizedStatement;
import dev.bellows.lint.rules.SessionSetting;
import dev.bellows.lint.rules.TransactionControl;
import dev.bellows.lint.rules.ExpandAddJsonColumn;
import dev.bellows.lint.rules.DropDatabase;
import dev.bellows.lint.rules.ContractRename;
import dev.bellows.lint.rules.ContractAddNotNullColumn;
import dev.bellows.lint.rules.PgAlterDomainAddConstraint;
import dev.bellows.lint.rules.PgTypeChangeCheckScan;
import dev.bellows.lint.rules.UncheckedDynamicSql;
import dev.bellows.lint.rules.PgValidateInSameTransaction;
import dev.bellows.report.ReportedRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The one registry of lint rules, and their doc pages ({@code dev/bellows/lint/rules/<id>.md}). */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new UnrecognizedStatement(),
            new InvalidWaiver(),
            new EmptyMigration(),
            new ExpandDropTable(),
            new ExpandDropColumn(),
            new ExpandDropObject(),
            new ExpandDropDefault(),
            new ExpandDropEnumValue(),
            new ExpandRenameTable(),
            new ExpandRenameColumn(),
            new ExpandRenameObject(),
            new ExpandChangeColumnType(),
            new ExpandSetNotNull(),
            new ExpandAddNotNullColumn(),
            new ExpandDataChange(),
            new ExpandAddConstraint(),
            new ContractAddition(),
            new ContractDropNewObject(),
            new ContractDropQueriedObject(),
            new MigrateDdl(),
            new MigrateUnboundedDml(),
            new PgCreateIndexNotConcurrently(),
            new PgDropIndexNotConcurrently(),
            new PgReindexNotConcurrently(),
            new PgDetachPartitionNotConcurrently(),
            new PgRefreshMaterializedViewNotConcurrently(),
            new PgConcurrentlyInTransaction(),
            new PgConstraintNotValid(),
            new PgUniqueNotUsingIndex(),
            new PgVolatileDefault(),
            new PgRewritingTypeChange(),
            new PgSetNotNullScan(),
            new PgTableRewrite(),
            new PgLockTable(),
            new MysqlCopyAlgorithm(),
            new MysqlTableCopy(),
            new MysqlBlockingIndex(),
            new ExpandAddJsonColumn(),
            new ContractAddNotNullColumn(),
            new ContractRename(),
            new DropDatabase(),
            new TransactionControl(),
            new SessionSetting(),
            new UncheckedDynamicSql(),
            new PgValidateInSameTransaction(),
            new PgTypeChangeCheckScan(),
            new PgAlterDomainAddConstraint());

    private static final String PAGES = "/dev/bellows/lint/rules/";

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static List<RuleInfo> infos() {
        return ALL.stream().map(Rule::info).toList();
    }

    public static List<Rule> forDialect(LintDialect dialect) {
        return ALL.stream().filter(r -> r.info().dialects().contains(dialect)).toList();
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rule's page (Markdown), from the resource {@code dev/bellows/lint/rules/<id>.md}. */
    public static Optional<String> page(String id) {
        if (byId(id).isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Rules.class.getResourceAsStream(PAGES + id + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rule ids close to {@code id} (shared words or small edit distance), best first. */
    public static List<String> closeMatches(String id) {
        String q = id == null ? "" : id.toLowerCase(java.util.Locale.ROOT);
        return ALL.stream().map(Rule::id)
                .filter(r -> distance(r, q) <= Math.max(3, q.length() / 3) || r.contains(q) && !q.isEmpty()
                        || sharedWords(r, q) >= 2)
                .sorted(Comparator.comparingInt(r -> distance(r, q)))
                .limit(5)
                .toList();
    }

    static List<ReportedRule> reported() {
        return ALL.stream().map(r -> new ReportedRule(r.id(), r.info().title(),
                r.info().rationale() + " Instead: " + r.info().safeAlternative(), r.info().severity(),
                () -> page(r.id()).orElse(""))).toList();
    }

    private static int sharedWords(String a, String b) {
        List<String> words = List.of(b.split("-"));
        int n = 0;
        for (String w : a.split("-")) {
            if (w.length() > 2 && words.contains(w)) {
                n++;
            }
        }
        return n;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
