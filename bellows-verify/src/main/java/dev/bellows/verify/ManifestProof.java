package dev.bellows.verify;

import dev.bellows.DatabaseException;
import dev.bellows.model.Finding;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.queries.QueryEntry;
import dev.bellows.queries.QueryManifest;
import dev.bellows.queries.QueryManifests;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.Token;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves the query manifests during a verify run: each schema of the rolling upgrade gets the
 * statements of the releases that meet it, prepared (never executed) on the shadow database.
 * Release N-1's statements after expand(N) and after migrate(N); release N's after expand(N) and
 * after contract(N). Within a phase they are prepared again after every migration that changed the
 * schema, so a statement that stops preparing is pinned to the migration (and statement) that broke it.
 */
final class ManifestProof implements AutoCloseable {

    /** Where a manifest statement stands on the current schema. */
    private static final class State {
        final QueryManifest manifest;
        final QueryEntry entry;
        final Set<String> names;
        long checkedAt = -1;
        boolean everPassed;
        String error;
        String brokenBy;
        boolean reported;

        State(QueryManifest manifest, QueryEntry entry, Set<String> names) {
            this.manifest = manifest;
            this.entry = entry;
            this.names = names;
        }
    }

    private final MigrationSet set;
    private final QueryPreparer preparer;
    private final Connection connection;
    private final Map<Release, List<State>> byRelease = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long schemaVersion;
    private long preparations;
    private int skipped;
    private List<Release> due = List.of();

    private ManifestProof(MigrationSet set, QueryManifests manifests, QueryPreparer preparer, Connection connection) {
        this.set = set;
        this.preparer = preparer;
        this.connection = connection;
        for (QueryManifest m : manifests.manifests()) {
            if (!set.releases().contains(m.release())) {
                notes.add(m.display() + ": release " + m.release() + " has no directory in " + dev.bellows.load.Paths
                        .display(set.location()) + ", so no schema of its rollout is known; its statements were not "
                        + "proved (rename the manifest after a release, or add the release's directory)");
                continue;
            }
            List<State> states = new ArrayList<>();
            List<String> skips = new ArrayList<>();
            for (QueryEntry e : m.entries()) {
                Optional<String> why = preparer.unpreparable(e);
                if (why.isPresent()) {
                    skips.add("line " + e.line() + " (" + why.get() + ")");
                } else {
                    states.add(new State(m, e, names(e)));
                }
            }
            if (!skips.isEmpty()) {
                skipped += skips.size();
                notes.add(m.display() + ": " + skips.size() + " statement" + (skips.size() == 1 ? "" : "s")
                        + " skipped, they cannot be prepared alone: " + String.join(", ", skips));
            }
            byRelease.put(m.release(), states);
        }
    }

    /** Empty when there are no manifests: verify then does what it did before. */
    static Optional<ManifestProof> open(MigrationSet set, QueryManifests manifests, ShadowProbe probe,
                                        ShadowConnector connector) {
        if (manifests.isEmpty()) {
            return Optional.empty();
        }
        QueryPreparer preparer = QueryPreparer.forDialect(probe.dialect());
        try {
            return Optional.of(new ManifestProof(set, manifests, preparer, preparer.connect(connector)));
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to the shadow database " + connector.url()
                    + " to prepare the query manifests: " + e.getMessage(), e);
        }
    }

    /** A phase is starting: the releases whose statements meet its schemas. */
    void phase(Release release, Phase phase) {
        Optional<Release> previous = set.releases().stream().filter(r -> r.compareTo(release) < 0)
                .reduce((a, b) -> b);
        List<Release> d = new ArrayList<>();
        if (phase != Phase.CONTRACT) {
            previous.ifPresent(d::add);
        }
        if (phase != Phase.MIGRATE) {
            d.add(release);
        }
        due = d;
    }

    /** A migration ran; when it changed the schema, the due statements are prepared again. */
    void after(MigrationObservation observation) {
        boolean changed = observation.statements().stream().anyMatch(s -> !s.changes().isEmpty());
        if (!changed) {
            return;
        }
        schemaVersion++;
        for (State s : dueStates()) {
            check(s, observation);
        }
    }

    /** The phase is complete: statements not yet prepared on this schema are, and failures are reported. */
    void phaseDone(Release release, Phase phase) {
        for (State s : dueStates()) {
            if (s.checkedAt != schemaVersion) {
                check(s, null);
            }
            if (s.error != null && !s.reported) {
                s.reported = true;
                findings.add(finding(s, release, phase));
            }
        }
    }

    private List<State> dueStates() {
        List<State> out = new ArrayList<>();
        for (Release r : due) {
            out.addAll(byRelease.getOrDefault(r, List.of()));
        }
        return out;
    }

    private void check(State s, MigrationObservation by) {
        String error = preparer.prepare(connection, s.entry);
        preparations++;
        s.checkedAt = schemaVersion;
        if (error == null) {
            s.everPassed = true;
            s.error = null;
            s.brokenBy = null;
            s.reported = false;
        } else if (s.error == null) {
            s.error = error;
            s.brokenBy = s.everPassed && by != null ? culprit(by, s.names) : null;
        }
    }

    /** The statement of the migration whose changes touch a name the query uses; else the first that changed anything. */
    private static String culprit(MigrationObservation m, Set<String> names) {
        StatementObservation first = null;
        for (StatementObservation s : m.statements()) {
            if (s.changes().isEmpty()) {
                continue;
            }
            if (first == null) {
                first = s;
            }
            for (SchemaChange c : s.changes()) {
                for (String part : (c.object().name() + "." + (c.before() == null ? "" : c.before().name()))
                        .toLowerCase(Locale.ROOT).split("[.]")) {
                    if (names.contains(part)) {
                        return m.migration().displayPath() + ":" + s.statement().line();
                    }
                }
            }
        }
        return m.migration().displayPath() + ":" + (first == null ? 1 : first.statement().line());
    }

    private Finding finding(State s, Release release, Phase phase) {
        Release sender = s.manifest.release();
        String after = phase.id() + " " + release;
        String cause = s.brokenBy != null ? "; broken by " + s.brokenBy
                : s.everPassed ? "" : "; it did not prepare on any schema checked so far";
        List<String> help = new ArrayList<>();
        if (s.brokenBy != null) {
            help.add("1. Keep what release " + sender + " uses until contract of the release after it: change "
                    + s.brokenBy + " the expand/contract way (add the new next to the old, sync, drop the old "
                    + "in contract).");
            help.add("2. If release " + sender + " no longer sends the statement, capture " + s.manifest.display()
                    + " again or delete the entry.");
        } else {
            help.add("1. Check the statement against release " + sender + "'s schema: does expand " + sender
                    + " create everything it uses?");
            help.add("2. If the application no longer sends it, capture " + s.manifest.display()
                    + " again or delete the entry.");
        }
        return new Finding(dev.bellows.verify.VerifyRule.QUERY_FAILS.id(), dev.bellows.model.Severity.ERROR,
                s.manifest.display(), s.entry.line(), 1,
                "release " + sender + " sends `" + s.entry.brief() + "`, which does not prepare after " + after + ": "
                        + s.error + cause, help, null);
    }

    private Set<String> names(QueryEntry e) {
        Set<String> out = new HashSet<>();
        try {
            SqlSplitter.split(e.sql(), preparer.syntax()).statements().forEach(st -> {
                for (Token t : st.tokens()) {
                    out.add(t.identifier().toLowerCase(Locale.ROOT));
                }
            });
        } catch (RuntimeException ignored) {
            // names only sharpen the culprit's line; the statement is still prepared
        }
        return out;
    }

    List<Finding> findings() {
        return findings;
    }

    /** Notes for the report: skipped statements, manifests of unknown releases, and a summary line. */
    List<String> notes() {
        List<String> out = new ArrayList<>(notes);
        int statements = byRelease.values().stream().mapToInt(List::size).sum();
        long failed = byRelease.values().stream().flatMap(List::stream).filter(s -> s.reported).count();
        out.add("query manifests: " + statements + " statement" + (statements == 1 ? "" : "s") + " of "
                + byRelease.size() + " release" + (byRelease.size() == 1 ? "" : "s") + " prepared against every "
                + "schema of their rollout (" + preparations + " preparations, none executed): " + failed
                + " failed, " + skipped + " skipped");
        return out;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the shadow goes away anyway
        }
    }
}
