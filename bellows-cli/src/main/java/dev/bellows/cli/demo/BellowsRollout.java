package dev.bellows.cli.demo;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.data.BatchOptions;
import dev.bellows.run.Command;
import dev.bellows.run.ContractGuard;
import dev.bellows.run.RunOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The rolling upgrade from 1.2 to 1.3 done the Bellows way under live traffic: expand, switch the
 * instances one by one, migrate (keyed batches), contract once no 1.2 instance is left.
 */
public final class BellowsRollout {

    private final DemoDatabase db;
    private final Path migrations;
    private final int instances;
    private final Timeline timeline;

    public BellowsRollout(DemoDatabase db, Path migrations, int instances, Timeline timeline) {
        this.db = db;
        this.migrations = migrations;
        this.instances = instances;
        this.timeline = timeline;
    }

    public Latencies run() throws InterruptedException {
        Latencies latencies = new Latencies();
        Traffic traffic = new Traffic(instances, new Bookshop12(), new Bookshop13(), db.settings().url(),
                db.settings().user(), db.settings().password(), latencies, db.maxId());
        ContractGuard noOldInstances = (c, release) -> traffic.oldRunning() == 0 ? List.of()
                : List.of(traffic.oldRunning() + " instance(s) still run release 1.2");
        RunOptions options = RunOptions.defaults()
                .withProgress(line -> timeline.event("  " + line.strip()))
                .withContractGuard(noOldInstances, false)
                .withBatching(BatchOptions.defaults().withTarget(Duration.ofMillis(50)).withPause(Duration.ofMillis(20)));
        Bellows bellows = new Bellows(new BellowsConfig(migrations, db.settings(), options));
        try {
            latencies.enter("1.2 only");
            traffic.startOld();
            timeline.event(instances + " instances of release 1.2 serving");
            Thread.sleep(1_000);

            latencies.enter("expand");
            timeline.event("bellows expand --to 1.3   (new columns, sync triggers, index built concurrently)");
            bellows.run(Command.EXPAND, DemoDatabase.NEW);

            latencies.enter("rollout");
            for (int i = 0; i < instances; i++) {
                int n = traffic.switchNext();
                timeline.event("instance " + n + " now runs release 1.3 (" + traffic.oldRunning() + " left on 1.2)");
                Thread.sleep(300);
            }

            latencies.enter("migrate");
            timeline.event("bellows migrate --to 1.3   (keyed batches, 50 ms target, 20 ms pause)");
            bellows.run(Command.MIGRATE, DemoDatabase.NEW);

            latencies.enter("contract");
            timeline.event("bellows contract --to 1.3  (no 1.2 instance left: drop old columns and triggers)");
            bellows.run(Command.CONTRACT, DemoDatabase.NEW);

            latencies.enter("1.3 only");
            Thread.sleep(1_000);
        } finally {
            traffic.stopAll();
        }
        timeline.event("instances stopped");
        return latencies;
    }
}
