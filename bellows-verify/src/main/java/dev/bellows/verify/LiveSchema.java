package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.db.Dialect;
import dev.bellows.history.HistoryTable;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Release;
import dev.bellows.run.MigrationStatus;
import dev.bellows.run.SchemaState;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code verify --schema-from}: what the live database already has (its schema, copied into the
 * shadow; its Bellows history, which says which migrations are pending) and how big its tables
 * are (from its statistics).
 */
final class LiveSchema {

    /**
     * The result of reading the live database.
     *
     * @param pending   the migrations still to verify, as a set of their own
     * @param notes     what was copied, what was not, and which releases are judged
     * @param rowCounts estimated rows per table on the live database (empty unless asked for)
     */
    record Prepared(MigrationSet pending, List<String> notes, Map<String, Long> rowCounts) {
    }

    private LiveSchema() {
    }

    /** Reads {@code source} (read-only) and copies its schema into the shadow behind {@code shadow}. */
    static Prepared prepare(SchemaSource source, java.util.Optional<Release> sinceOption,
                            java.util.Optional<Release> legacyRelease, MigrationSet set, Dialect dialect,
                            Connection shadow) {
        Dialect liveDialect = Dialect.forUrl(source.url());
        if (!liveDialect.id().equals(dialect.id())) {
            throw new ConfigurationException("--schema-from " + source.url() + " is a " + liveDialect.id()
                    + " database but the migrations are verified as " + dialect.id() + "; pass --dialect "
                    + liveDialect.id());
        }
        try (Connection live = new ConnectionSettings(source.url(), source.user(), source.password())
                .connect("--schema-from, --schema-from-user, --schema-from-password")) {
            live.setReadOnly(true);
            SchemaCopier copier = SchemaCopier.forDialect(dialect);
            copier.readOnly(live);
            List<String> notes = new ArrayList<>();
            MigrationSet pending = pending(source, sinceOption, legacyRelease, set, dialect, live, notes);
            long t0 = System.nanoTime();
            SchemaCopier.Copy copy = copier.copy(live, shadow);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            notes.add(0, "schema copied from " + source.url() + " (" + copy.method() + ") in " + millis + " ms: "
                    + (copy.copied().isEmpty() ? "no objects" : copy.copied().entrySet().stream()
                    .map(e -> e.getValue() + " " + plural(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "))));
            for (String n : copy.notCopied()) {
                notes.add("not copied from " + source.url() + ": " + n
                        + " (verdicts that depend on it are missing; create it on the shadow with --shadow-url)");
            }
            Map<String, Long> rows = source.rowsFromStats() ? copier.rowEstimates(live) : Map.of();
            return new Prepared(pending, notes, rows);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the schema of " + source.url() + ": " + e.getMessage()
                    + "; check the URL, the user and its password (read access to the catalog is enough)", e);
        }
    }

    private static MigrationSet pending(SchemaSource source, java.util.Optional<Release> sinceOption,
                                        java.util.Optional<Release> legacyRelease, MigrationSet set, Dialect dialect,
                                        Connection live, List<String> notes) throws SQLException {
        HistoryTable history = new HistoryTable(dialect);
        List<Migration> todo;
        List<Release> declared;
        if (history.exists(live)) {
            if (sinceOption.isPresent()) {
                throw new ConfigurationException("--since " + sinceOption.get() + ": " + source.url()
                        + " has Bellows history (" + HistoryTable.NAME + "), which says what is applied; leave out "
                        + "--since");
            }
            SchemaState state = new SchemaState(set, history.read(live));
            todo = set.migrations().stream().filter(m -> state.status(m) != MigrationStatus.APPLIED).toList();
            List<Release> withPending = todo.stream().map(Migration::release).distinct().toList();
            Release newestApplied = set.migrations().stream().filter(m -> state.status(m) == MigrationStatus.APPLIED)
                    .map(Migration::release).max(Release::compareTo).orElse(null);
            declared = set.declared().stream().filter(r -> withPending.contains(r)
                    || newestApplied == null || r.compareTo(newestApplied) > 0).toList();
            notes.add("pending on " + source.url() + " per its Bellows history, so verified here: "
                    + describe(todo, declared));
            todo.stream().filter(m -> state.status(m) != MigrationStatus.PENDING).forEach(m -> notes.add(
                    m.displayPath() + " is " + state.status(m).name().toLowerCase(java.util.Locale.ROOT) + " on "
                            + source.url() + "; verified from its first statement"));
        } else {
            // No Bellows history: --since says what the schema amounts to; else legacy.release, since a database
            // the legacy engine migrated amounts to it (the runner records its baseline there).
            Release since = sinceOption.or(() -> legacyRelease).orElseThrow(() -> new ConfigurationException(source.url()
                    + " has no Bellows history (" + HistoryTable.NAME + "), so nothing says which releases its "
                    + "schema already has: pass --since R, the release it amounts to (releases up to R are taken as "
                    + "applied and not run; the later ones are verified on its schema)"));
            String why = sinceOption.isPresent() ? "--since " + since : "legacy.release " + since;
            if (sinceOption.isPresent()) {
                set.requireKnown(since, "--since");
            }
            todo = set.migrations().stream().filter(m -> m.release().compareTo(since) > 0).toList();
            declared = set.declared().stream().filter(r -> r.compareTo(since) > 0).toList();
            notes.add(source.url() + " has no Bellows history; with " + why + " the releases after it are "
                    + "verified: " + describe(todo, declared));
        }
        return new MigrationSet(set.location(), todo, declared);
    }

    private static String plural(String noun, int n) {
        return n == 1 ? noun : noun.endsWith("x") ? noun + "es" : noun + "s";
    }

    private static String describe(List<Migration> todo, List<Release> declared) {
        List<Release> releases = java.util.stream.Stream.concat(todo.stream().map(Migration::release),
                declared.stream()).distinct().sorted().toList();
        return releases.isEmpty() ? "none (the live database is up to date)"
                : releases.stream().map(Release::name).collect(Collectors.joining(", "))
                + " (" + todo.size() + " file" + (todo.size() == 1 ? "" : "s") + ")";
    }
}
