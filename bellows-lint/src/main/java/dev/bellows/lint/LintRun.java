package dev.bellows.lint;

import dev.bellows.db.Dialect;
import dev.bellows.lint.parse.BlockBody;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.StatementRecognizer;
import dev.bellows.lint.parse.Verb;
import dev.bellows.lint.rules.EmptyMigration;
import dev.bellows.lint.rules.UncheckedDynamicSql;
import dev.bellows.lint.rules.UnrecognizedStatement;
import dev.bellows.lint.schema.Origin;
import dev.bellows.lint.schema.SchemaModel;
import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.report.UsedWaiver;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntaxException;
import dev.bellows.sql.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One lint run: the schema model replayed so far and what was found. */
final class LintRun {

    private final LintOptions options;
    private final List<Rule> rules;
    private final SchemaModel schema = new SchemaModel();
    private final List<Finding> findings = new ArrayList<>();
    private final Set<UsedWaiver> used = new LinkedHashSet<>();
    private int statements;

    LintRun(LintOptions options) {
        this.options = options;
        this.rules = Rules.forDialect(options.dialect());
    }

    void lint(Migration m) {
        Waivers waivers = WaiverParser.parse(m.script(), m.content());
        Origin origin = new Origin(m.release(), m.phase());
        List<SqlStatement> list = m.statements();
        for (Finding f : EmptyMigration.finding(m)) {
            Optional<Waiver> w = waivers.find(-1, f.ruleId());
            w.ifPresent(x -> used.add(new UsedWaiver(f.ruleId(), m.displayPath(), x.line(), x.reason(), true)));
            findings.add(w.map(x -> f.withWaiver(x.reason())).orElse(f));
        }
        List<ParsedStatement> parsed = new ArrayList<>(list.size());
        List<Integer> index = new ArrayList<>(list.size());
        // Routines this file creates, by unqualified name: a later SELECT f() or CALL p() in the file runs
        // their bodies now, so their statements are linted where the call is (at the body's own lines).
        Map<String, BlockBody> routines = new HashMap<>();
        Map<ParsedStatement, Map.Entry<String, Token>> dynamicCalls = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ParsedStatement p = StatementRecognizer.recognize(list.get(i), options.dialect().syntax());
            parsed.add(p);
            index.add(i);
            for (SqlStatement inner : BlockBody.of(p).statements()) {
                parsed.add(StatementRecognizer.recognize(inner, options.dialect().syntax()));
                index.add(i);
            }
            BlockBody routine = BlockBody.ofRoutine(p);
            if (!routine.statements().isEmpty() || routine.dynamic() != null) {
                String name = p.name();
                routines.put(name.substring(name.lastIndexOf('.') + 1), routine);
            }
            for (String called : BlockBody.calls(p)) {
                BlockBody body = routines.get(called);
                if (body == null) {
                    continue;
                }
                if (body.dynamic() != null) {
                    dynamicCalls.putIfAbsent(p, Map.entry(called, body.dynamic()));
                }
                for (SqlStatement inner : body.statements()) {
                    parsed.add(StatementRecognizer.recognize(inner, options.dialect().syntax()));
                    index.add(i);
                }
            }
        }
        Dialect db = Dialect.named(options.dialect().id());
        boolean fileTransaction = db.transactionalDdl() && list.stream().allMatch(db::canRunInTransaction);
        boolean inTransaction = false;
        int transactionStart = fileTransaction ? 0 : -1;
        Optional<String> timeZone = Optional.empty();
        for (int j = 0; j < parsed.size(); j++) {
            ParsedStatement p = parsed.get(j);
            int i = index.get(j);
            List<ParsedStatement> earlier = transactionStart < 0 ? List.of() : parsed.subList(transactionStart, j);
            Surroundings around = new Surroundings(earlier, parsed.subList(j + 1, parsed.size()), timeZone);
            StatementContext ctx = new StatementContext(p, schema, m.displayPath(), m.release(), m.phase(), options,
                    inTransaction, waivers.writtenAt(i), around);
            Map.Entry<String, Token> dynamicCall = dynamicCalls.get(p);
            for (Rule rule : rules) {
                rule.check(ctx);
                if (dynamicCall != null && rule instanceof UncheckedDynamicSql dynamicSql) {
                    dynamicSql.checkCall(ctx, dynamicCall.getKey(), dynamicCall.getValue());
                }
            }
            for (Finding f : ctx.findings()) {
                findings.add(waive(sized(f, p), waivers, i, m.displayPath()));
            }
            schema.apply(p, origin);
            if (p.verb() == Verb.BEGIN) {
                inTransaction = true;
                transactionStart = db.transactionalDdl() ? j + 1 : -1;
            } else if (p.verb() == Verb.END) {
                inTransaction = false;
                transactionStart = -1;
            } else if (p.verb() == Verb.SET) {
                Optional<String> tz = SessionSettings.timeZone(p);
                if (tz.isPresent()) {
                    timeZone = tz;
                }
            } else if (!db.transactionalDdl() && !inTransaction) {
                transactionStart = -1;
            }
        }
        statements += list.size();
    }

    /** With table stats, a lock finding says its table's size (and is a warning on a small table). */
    private Finding sized(Finding f, ParsedStatement p) {
        if (options.stats() == null || !(Rules.byId(f.ruleId()).orElse(null) instanceof LocksTable)) {
            return f;
        }
        return options.stats().apply(f, p.table() != null ? p.table() : p.name());
    }

    /**
     * Applies {@code m} to the schema model without judging it: a release up to {@code --since}, or a legacy
     * history, that only builds the schema the later releases are judged against.
     */
    void replay(Migration m) {
        int f = findings.size();
        Set<UsedWaiver> before = new LinkedHashSet<>(used);
        int n = statements;
        lint(m);
        findings.subList(f, findings.size()).clear();
        used.retainAll(before);
        statements = n;
    }

    private Finding waive(Finding f, Waivers waivers, int index, String file) {
        Optional<Waiver> w = waivers.find(index, f.ruleId());
        if (w.isEmpty()) {
            return f;
        }
        used.add(new UsedWaiver(f.ruleId(), file, w.get().line(), w.get().reason(), w.get().fileWide()));
        return f.withWaiver(w.get().reason());
    }

    LintReport report() {
        return new LintReport(findings, List.copyOf(used), statements);
    }

    static LintReport unsplittable(String file, SqlSyntaxException e) {
        Finding f = new Finding(UnrecognizedStatement.INFO.id(), UnrecognizedStatement.INFO.severity(), file,
                e.line(), e.column(), "cannot split the file into statements: " + e.getMessage()
                + "; nothing after this point was checked", List.of("1. Close the string, comment or "
                + "dollar quote that starts here, then lint again."), null);
        return new LintReport(List.of(f), List.of(), 0);
    }
}
