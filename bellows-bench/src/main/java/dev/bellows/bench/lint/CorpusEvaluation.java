package dev.bellows.bench.lint;

import dev.bellows.lint.InlineMigration;
import dev.bellows.lint.LintReport;
import dev.bellows.lint.Linter;
import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSplitter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lints every corpus case and compares the rule ids reported with the labels: a reported id that
 * is labelled is a true positive, an unlabelled one a false positive, a labelled one not reported a
 * false negative. Run (after {@code mvn -Pbench-jar … package}): {@code java -cp bellows-bench/target/bellows-bench-all.jar
 * dev.bellows.bench.lint.CorpusEvaluation}.
 */
public final class CorpusEvaluation {

    /** One case's outcome. */
    public record Outcome(CorpusCase c, Set<String> actual) {
        public boolean matches() {
            return actual.equals(c.expected());
        }
    }

    /** The totals. */
    public record Result(List<Outcome> outcomes, int statements, int truePositives, int falsePositives,
                         int falseNegatives) {

        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : truePositives / (double) (truePositives + falseNegatives);
        }

        public List<Outcome> mismatches() {
            return outcomes.stream().filter(o -> !o.matches()).toList();
        }
    }

    private static final Release CASE_RELEASE = Release.of("2.0");

    private CorpusEvaluation() {
    }

    public static Result evaluate(List<CorpusCase> cases) {
        List<Outcome> outcomes = new ArrayList<>();
        int statements = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (CorpusCase c : cases) {
            Set<String> actual = lint(c);
            statements += SqlSplitter.split(c.sql(), c.dialect().syntax()).statements().size();
            for (String id : actual) {
                if (c.expected().contains(id)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (String id : c.expected()) {
                if (!actual.contains(id)) {
                    fn++;
                }
            }
            outcomes.add(new Outcome(c, actual));
        }
        return new Result(outcomes, statements, tp, fp, fn);
    }

    static Set<String> lint(CorpusCase c) {
        List<Migration> history = new ArrayList<>();
        int n = 1;
        for (String part : c.history()) {
            int colon = part.indexOf(": ");
            String[] spec = part.substring(0, colon).split("/");
            history.add(InlineMigration.of(c.dialect(), Release.of(spec[0]), Phase.fromId(spec[1]).orElseThrow(), n,
                    "history-" + n + ".sql", part.substring(colon + 2)));
            n++;
        }
        String name = "case-" + c.line() + ".sql";
        history.add(InlineMigration.of(c.dialect(), CASE_RELEASE, c.phase(), n, name, c.sql()));
        LintReport report = Linter.lint(history, c.options());
        Set<String> ids = new TreeSet<>();
        for (Finding f : report.active()) {
            if (f.file().equals(name)) {
                ids.add(f.ruleId());
            }
        }
        return ids;
    }

    public static void main(String[] args) {
        List<CorpusCase> cases = CorpusCase.load();
        Result r = evaluate(cases);
        Set<String> dialects = new HashSet<>();
        Set<Phase> phases = new HashSet<>();
        cases.forEach(c -> {
            dialects.add(c.dialect().id());
            phases.add(c.phase());
        });
        System.out.printf(Locale.ROOT, "corpus: %d cases, %d statements, dialects %s, phases %s%n", cases.size(),
                r.statements(), new TreeSet<>(dialects), new TreeSet<>(phases));
        System.out.printf(Locale.ROOT, "true positives %d, false positives %d, false negatives %d%n",
                r.truePositives(), r.falsePositives(), r.falseNegatives());
        System.out.printf(Locale.ROOT, "precision %.3f (target >= 0.90), recall %.3f (target >= 0.95)%n",
                r.precision(), r.recall());
        System.out.printf(Locale.ROOT, "cases with exactly the expected rules: %d of %d%n",
                cases.size() - r.mismatches().size(), cases.size());
        for (Outcome o : r.mismatches()) {
            System.out.printf(Locale.ROOT, "  line %d %s/%s expected %s, got %s: %s%n", o.c().line(),
                    o.c().dialect().id(), o.c().phase().id(), o.c().expected(), o.actual(),
                    o.c().sql().replace('\n', ' '));
        }
    }
}
