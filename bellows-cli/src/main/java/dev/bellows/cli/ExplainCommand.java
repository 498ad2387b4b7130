package dev.bellows.cli;

import dev.bellows.lint.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bellows explain RULE}: prints a lint rule's page. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Prints a lint rule's page: the hazard, what it blocks, the safe steps, examples and how to "
                + "waive it. List the rules with: bellows lint --list-rules"},
        footer = {"", "Example:", "  bellows explain pg-create-index-not-concurrently"})
public final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RULE", description = "A rule id, e.g. expand-drop-column.")
    String rule;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<String> page = Rules.page(rule);
        if (page.isPresent()) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(page.get());
            out.flush();
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> close = Rules.closeMatches(rule);
        err.println("bellows explain: unknown rule '" + rule + "'"
                + (close.isEmpty() ? "" : "; did you mean: " + String.join(", ", close) + "?"));
        err.println("List every rule with: bellows lint --list-rules");
        err.flush();
        return 2;
    }
}
