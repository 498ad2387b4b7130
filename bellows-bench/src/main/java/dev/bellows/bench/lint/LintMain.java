package dev.bellows.bench.lint;

import dev.bellows.cli.LintCommand;
import picocli.CommandLine;

/**
 * {@code bellows lint} as its own process, for the whole-process timing against squawk: the same
 * command class the {@code bellows} CLI runs, without the other commands.
 */
public final class LintMain {

    private LintMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LintCommand()).execute(args));
    }
}
