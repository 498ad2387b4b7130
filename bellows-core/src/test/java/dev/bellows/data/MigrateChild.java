package dev.bellows.data;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.load.JavaMigrations;
import dev.bellows.load.MigrationLoader;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;
import dev.bellows.run.Runner;

import java.nio.file.Path;

/** The migrator process that {@link ResumeAfterKillTest} kills: {@code migrate} with fixed batches of 5. */
public final class MigrateChild {

    private MigrateChild() {
    }

    public static void main(String[] args) {
        ConnectionSettings db = new ConnectionSettings(args[0], args[1], args[2].isEmpty() ? null : args[2]);
        RunOptions d = RunOptions.defaults();
        new Runner(db, MigrationLoader.load(Path.of(args[3]), db.dialect().syntax(), JavaMigrations.none()),
                d.withBatching(d.batching().withSizes(5, 5, 5)).withProgress(System.out::println))
                .run(Command.MIGRATE, null);
    }
}
