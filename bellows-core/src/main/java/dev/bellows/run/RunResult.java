package dev.bellows.run;

import java.util.List;

/** What a command applied: the command ({@code expand}, …, or {@code all}), the steps it ran and how many files. */
public record RunResult(String command, List<Step> steps, int filesApplied, long millis) {

    public RunResult {
        steps = List.copyOf(steps);
    }
}
