package dev.bellows.run;

import java.util.List;
import java.util.Optional;

/**
 * What a command would do: its steps in order, and the reason it is refused, if it is.
 * Computed from the files and the history; runs nothing.
 */
public record Plan(String command, List<Step> steps, Optional<String> refusal) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public boolean nothingToDo() {
        return steps.stream().allMatch(s -> s.pending().isEmpty());
    }
}
