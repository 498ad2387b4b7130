package dev.bellows.legacy;

import dev.bellows.ConfigurationException;
import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A Flyway migrations folder, run by the real Flyway: its order, placeholders, {@code R__}, callbacks, subfolders. */
public final class FlywayEngine implements LegacyEngine {

    @Override
    public String id() {
        return LegacyConfig.FLYWAY;
    }

    @Override
    public LegacyHistory open(LegacyConfig config, ConnectionSettings db) {
        String location = config.location();
        if (!location.startsWith("classpath:") && !location.startsWith("filesystem:")) {
            Path dir = Path.of(location);
            if (!Files.isDirectory(dir)) {
                throw new ConfigurationException("legacy.flyway: " + location + " is not a directory; give the folder "
                        + "of the Flyway migrations (V1__init.sql, …), e.g. src/main/resources/db/migration");
            }
            location = "filesystem:" + dir.toAbsolutePath();
        }
        org.flywaydb.core.api.configuration.FluentConfiguration configure =
                Flyway.configure(FlywayEngine.class.getClassLoader());
        configure = db.dataSource() != null ? configure.dataSource(db.dataSource())
                : configure.dataSource(ConnectionSettings.driverUrl(db.url()), db.user(), db.password());
        Flyway flyway = configure
                .locations(location)
                .placeholders(config.placeholders())
                .cleanDisabled(true)
                .load();
        return new FlywayHistory(flyway);
    }

    private record FlywayHistory(Flyway flyway) implements LegacyHistory {

        @Override
        public LegacyStatus status() {
            List<String> applied = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            MigrationInfo[] all;
            try {
                all = flyway.info().all();
            } catch (FlywayException e) {
                throw new ConfigurationException("legacy.flyway: Flyway cannot read its migrations: " + e.getMessage());
            }
            for (MigrationInfo m : all) {
                MigrationState state = m.getState();
                String name = name(m);
                if (state.isFailed()) {
                    problems.add("a failed entry: " + name + " (" + state.getDisplayName() + ")");
                } else if (state == MigrationState.MISSING_SUCCESS) {
                    problems.add("an applied entry whose file is missing: " + name);
                } else if (state == MigrationState.PENDING || state == MigrationState.OUTDATED) {
                    pending.add(name);
                } else if (state.isApplied() && m.isVersioned() && state.isResolved() && !m.isChecksumMatching()) {
                    problems.add("an entry edited after it was applied: " + name + " (checksum "
                            + m.getAppliedChecksum() + " in " + flyway.getConfiguration().getTable() + ", "
                            + m.getResolvedChecksum() + " in the file)");
                } else if (state.isApplied()) {
                    applied.add(name);
                }
            }
            return new LegacyStatus("Flyway", flyway.getConfiguration().getTable(), applied, pending, problems);
        }

        private static String name(MigrationInfo m) {
            if (m.getScript() != null && !m.getScript().isEmpty()) {
                return m.getScript();
            }
            return (m.getVersion() == null ? "R" : "V" + m.getVersion()) + " " + m.getDescription();
        }

        @Override
        public int migrate(Consumer<String> progress) {
            try {
                MigrateResult result = flyway.migrate();
                result.migrations.forEach(m -> progress.accept("  " + m.filepath.replaceAll(".*/", "")));
                return result.migrationsExecuted;
            } catch (FlywayException e) {
                throw new RefusedException("the legacy Flyway history failed: " + e.getMessage()
                        + "\nBellows recorded no baseline; fix the migration, run Flyway's repair if it recorded a "
                        + "failed entry, then rerun.");
            }
        }
    }
}
