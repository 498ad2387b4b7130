package dev.bellows.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The waivers of one file.
 *
 * @param fileWide     waivers in the file's header: they cover every statement
 * @param perStatement for each statement (by index), the waivers that cover it alone
 * @param orphans      waivers after the last statement, which cover nothing
 */
public record Waivers(List<Waiver> fileWide, List<List<Waiver>> perStatement, List<Waiver> orphans) {

    public Waivers {
        fileWide = List.copyOf(fileWide);
        perStatement = perStatement.stream().map(List::copyOf).toList();
        orphans = List.copyOf(orphans);
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

    /**
     * Every waiver written at statement {@code index}, for checking them: its own; for the first
     * statement also the file's header; for the last also the orphans after it.
     */
    public List<Waiver> writtenAt(int index) {
        List<Waiver> own = index < perStatement.size() ? perStatement.get(index) : List.of();
        boolean first = index == 0;
        boolean last = index == perStatement.size() - 1;
        if (!first && !last) {
            return own;
        }
        List<Waiver> all = new ArrayList<>(own);
        if (first) {
            all.addAll(0, fileWide);
        }
        if (last) {
            all.addAll(orphans);
        }
        return all;
    }
}
