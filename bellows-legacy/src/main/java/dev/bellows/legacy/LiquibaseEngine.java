package dev.bellows.legacy;

import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;
import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.exception.ValidationFailedException;
import liquibase.resource.DirectoryResourceAccessor;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A Liquibase changelog, run by the real Liquibase (4.33, the last open-source release). */
public final class LiquibaseEngine implements LegacyEngine {

    @Override
    public String id() {
        return LegacyConfig.LIQUIBASE;
    }

    @Override
    public LegacyHistory open(LegacyConfig config, ConnectionSettings db) {
        Path file = Path.of(config.location()).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("legacy.liquibase: " + config.location() + " is not a file; give the "
                    + "Liquibase changelog, e.g. src/main/resources/db/changelog/db.changelog-master.xml");
        }
        return new LiquibaseHistory(config, db, file);
    }

    private record LiquibaseHistory(LegacyConfig config, ConnectionSettings db, Path file) implements LegacyHistory {

        private interface Work<T> {
            T run(Liquibase liquibase, Database database) throws LiquibaseException, SQLException;
        }

        /** One connection, one Liquibase over the changelog (placeholders as changelog parameters), closed after. */
        private <T> T with(Work<T> work) {
            try (Connection c = db.connect();
                 DirectoryResourceAccessor files = new DirectoryResourceAccessor(file.getParent())) {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                Liquibase liquibase = new Liquibase(file.getFileName().toString(), files, database);
                config.placeholders().forEach(liquibase::setChangeLogParameter);
                return work.run(liquibase, database);
            } catch (ValidationFailedException e) {
                throw new RefusedException("the legacy Liquibase changelog " + file + " is not valid: "
                        + (e.getInvalidMD5Sums().isEmpty() ? e.getMessage() : "an entry was edited after it was "
                        + "applied: " + String.join("; ", e.getInvalidMD5Sums()).trim().replaceAll("\\s+", " "))
                        + "\nBellows applies nothing until Liquibase accepts it.");
            } catch (LiquibaseException e) {
                ValidationFailedException v = validationFailure(e);
                if (v != null && !v.getInvalidMD5Sums().isEmpty()) {
                    throw new RefusedException("the legacy Liquibase history has an entry edited after it was applied: "
                            + String.join("; ", v.getInvalidMD5Sums()).trim().replaceAll("\\s+", " ")
                            + "\nBellows applies nothing until Liquibase accepts it (restore the change set, or "
                            + "clear its checksum with Liquibase).");
                }
                throw new RefusedException("the legacy Liquibase history failed: " + e.getMessage()
                        + "\nBellows recorded no baseline; fix the changeset and rerun.");
            } catch (FileNotFoundException e) {
                throw new ConfigurationException("legacy.liquibase: " + e.getMessage());
            } catch (SQLException e) {
                throw new DatabaseException("legacy Liquibase: " + e.getMessage(), e);
            } catch (Exception e) {
                throw new DatabaseException("legacy Liquibase: " + e, e);
            }
        }

        @Override
        public LegacyStatus status() {
            return with((liquibase, database) -> {
                String table = database.getDatabaseChangeLogTableName();
                boolean exists = db.dialect().applicationTables(((JdbcConnection) database.getConnection())
                        .getUnderlyingConnection()).stream().anyMatch(t -> t.equalsIgnoreCase(table));
                List<String> applied = new ArrayList<>();
                List<String> pending = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                if (!exists) {
                    // Nothing ran yet: every change set is pending; Liquibase's tables are not created by a look.
                    liquibase.getDatabaseChangeLog().getChangeSets().forEach(cs -> pending.add(name(cs)));
                    return new LegacyStatus("Liquibase", table, applied, pending, problems);
                }
                for (RanChangeSet ran : database.getRanChangeSetList()) {
                    if (ran.getExecType() == ChangeSet.ExecType.FAILED) {
                        problems.add("a failed entry: " + ran.getId() + " (" + ran.getChangeLog() + ")");
                    } else {
                        applied.add(ran.getId());
                    }
                }
                try {
                    liquibase.validate();
                } catch (LiquibaseException e) {
                    ValidationFailedException v = validationFailure(e);
                    if (v == null || v.getInvalidMD5Sums().isEmpty()) {
                        throw e;
                    }
                    v.getInvalidMD5Sums().forEach(s -> problems.add("an entry edited after it was applied: "
                            + s.trim().replaceAll("\\s+", " ")));
                }
                liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).forEach(cs -> pending.add(name(cs)));
                return new LegacyStatus("Liquibase", table, applied, pending, problems);
            });
        }

        private static ValidationFailedException validationFailure(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ValidationFailedException v) {
                    return v;
                }
            }
            return null;
        }

        private static String name(ChangeSet cs) {
            return cs.getId() + " (" + cs.getAuthor() + ")";
        }

        @Override
        public int migrate(Consumer<String> progress) {
            return with((liquibase, database) -> {
                List<ChangeSet> unrun = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
                liquibase.update(new Contexts(), new LabelExpression());
                unrun.forEach(cs -> progress.accept("  " + name(cs)));
                return unrun.size();
            });
        }
    }
}
