package dev.bellows.lint;

import dev.bellows.lint.parse.ParsedStatement;

import java.util.List;
import java.util.Optional;

/**
 * Where a statement stands in its file: what ran before it in the same transaction (whose locks it
 * still holds), what the file does after it, and the session settings the file made before it.
 *
 * @param earlierInTransaction the statements before it in the same transaction (the whole file so far when
 *                             the runner runs the file in one transaction; since BEGIN in an explicit block)
 * @param laterInFile          the statements after it in the same file
 * @param sessionTimeZone      the time zone a {@code SET TIME ZONE} earlier in the file chose, if any
 */
public record Surroundings(List<ParsedStatement> earlierInTransaction, List<ParsedStatement> laterInFile,
                           Optional<String> sessionTimeZone) {

    public Surroundings {
        // views, not copies: a file of n statements must not cost n² (the lists are never changed meanwhile)
        earlierInTransaction = java.util.Collections.unmodifiableList(earlierInTransaction);
        laterInFile = java.util.Collections.unmodifiableList(laterInFile);
    }

    public static final Surroundings NONE = new Surroundings(List.of(), List.of(), Optional.empty());
}
