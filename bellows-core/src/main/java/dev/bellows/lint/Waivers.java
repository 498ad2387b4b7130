package dev.bellows.lint;

import java.util.List;
import java.util.Optional;

/**
 * The waivers of one file.
 *
 * @param fileWide     waivers in the file's header: they cover every statement
 * @param perStatement for each statement (by index), the waivers that cover it alone
 */
public record Waivers(List<Waiver> fileWide, List<List<Waiver>> perStatement) {

    public Waivers {
        fileWide = List.copyOf(fileWide);
        perStatement = perStatement.stream().map(List::copyOf).toList();
    }

    /** The waiver covering {@code ruleId} at statement {@code index}: the statement's own first, then the file's. */
    public Optional<Waiver> find(int index, String ruleId) {
        if (index >= 0 && index < perStatement.size()) {
            for (Waiver w : perStatement.get(index)) {
                if (w.covers(ruleId)) {
                    return Optional.of(w);
                }
            }
        }
        for (Waiver w : fileWide) {
            if (w.covers(ruleId)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** Every waiver written next to statement {@code index}, plus the file-wide ones for the first statement. */
    public List<Waiver> writtenAt(int index) {
        List<Waiver> own = index < perStatement.size() ? perStatement.get(index) : List.of();
        if (index != 0) {
            return own;
        }
        return java.util.stream.Stream.concat(fileWide.stream(), own.stream()).toList();
    }
}
