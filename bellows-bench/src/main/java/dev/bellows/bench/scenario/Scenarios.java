package dev.bellows.bench.scenario;

import java.util.List;

/** Every scenario, in the order they are reported. */
final class Scenarios {

    private Scenarios() {
    }

    static List<Scenario> all() {
        return List.of(new AddNotNullColumn(), new RenameColumn(), new ChangeKeyType(), new RenameTable(),
                new AddForeignKey(), new AddUniqueConstraint(), new SplitColumn());
    }

    static Scenario named(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; known: "
                        + all().stream().map(Scenario::id).toList()));
    }
}
