package dev.bellows.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;
import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.instances.Ages;
import dev.bellows.instances.Instance;
import dev.bellows.instances.InstanceRegistry;
import dev.bellows.instances.Registration;
import dev.bellows.instances.StartupGuard;
import dev.bellows.instances.StartupRefusal;
import dev.bellows.instances.StartupRefusedException;
import dev.bellows.model.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code bellows instances}: lists the registered instances; {@code register}, {@code heartbeat} and
 * {@code deregister} let services that are not JVMs (sidecars, scripts, other languages) take part
 * in the contract gate and the startup guard.
 */
@Command(name = "instances", mixinStandardHelpOptions = true,
        description = {"Lists the application instances registered in bellows_instances: their release, host, "
                + "last heartbeat and whether they are live (heard from within their TTL, by the database clock).",
                "Subcommands register, heartbeat and deregister let non-JVM services take part."},
        subcommands = {InstancesCommand.Register.class, InstancesCommand.Heartbeat.class,
                InstancesCommand.Deregister.class},
        footer = {"", "Example:", "  bellows instances --url jdbc:postgresql://db/app --user app",
                "  bellows instances --prune --format json"})
public final class InstancesCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @ParentCommand
    BellowsCli parent;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    String format = "text";

    @Option(names = "--prune", description = "First remove the rows of instances silent for longer than their TTL.")
    boolean prune;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConfigurationException("unknown --format '" + format + "': use text or json");
        }
        ConnectionSettings settings = settings(connection, this);
        InstanceRegistry registry = new InstanceRegistry(settings.dialect());
        int pruned;
        List<Instance> instances;
        try (Connection c = settings.connect()) {
            pruned = prune ? registry.prune(c) : 0;
            instances = registry.all(c);
        } catch (SQLException e) {
            throw databaseError("cannot read the instance registry", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(json(instances, prune ? pruned : null));
        } else {
            text(instances, prune ? pruned : null, out);
        }
        out.flush();
        return 0;
    }

    static void text(List<Instance> instances, Integer pruned, PrintWriter out) {
        if (pruned != null) {
            out.println("pruned " + pruned + " expired instance" + (pruned == 1 ? "" : "s"));
        }
        if (instances.isEmpty()) {
            out.println("no instances registered");
            return;
        }
        String row = "%-28s %-10s %-24s %-8s %-8s %s%n";
        out.printf(Locale.ROOT, row, "ID", "RELEASE", "HOST", "PID", "STATE", "LAST HEARTBEAT");
        long live = 0;
        for (Instance i : instances) {
            live += i.live() ? 1 : 0;
            out.printf(Locale.ROOT, row, i.id(), i.release(), i.host(), i.pid() == null ? "-" : i.pid(),
                    i.live() ? "live" : "expired", i.heartbeatAt() + " (" + Ages.format(i.sinceHeartbeat()) + " ago)");
        }
        long expired = instances.size() - live;
        out.println(live + " live, " + expired + " expired" + (expired > 0
                ? " (instances silent for longer than their TTL; remove them with `bellows instances --prune`)" : ""));
    }

    static String json(List<Instance> instances, Integer pruned) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Instance i : instances) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", i.id());
            r.put("release", i.release());
            r.put("host", i.host());
            r.put("pid", i.pid());
            r.put("startedAt", i.startedAt().toString());
            r.put("heartbeatAt", i.heartbeatAt().toString());
            r.put("secondsSinceHeartbeat", i.sinceHeartbeat().toMillis() / 1000.0);
            r.put("ttlSeconds", i.ttl().toSeconds());
            r.put("live", i.live());
            r.put("metadata", i.metadata());
            rows.add(r);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("instances", rows);
        root.put("live", instances.stream().filter(Instance::live).count());
        root.put("expired", instances.stream().filter(i -> !i.live()).count());
        if (pruned != null) {
            root.put("pruned", pruned);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The connection from flags, then the environment the CLI was started with, then bellows.yaml. */
    static ConnectionSettings settings(ConnectionOptions options, InstancesCommand instances) {
        Map<String, String> env = instances == null || instances.parent == null ? Map.of()
                : instances.parent.environment;
        return options.settings(Map.of(), env).connection();
    }

    static DatabaseException databaseError(String what, SQLException e) {
        return new DatabaseException(what + ": " + e.getMessage(), e);
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = {"Registers a service as an instance of release R, after checking that the schema can "
                    + "serve R (expand(R) applied, nothing newer contracted); prints the instance id.",
                    "Refuses with exit code 1 and says what to run when the schema is not ready; "
                            + "--warn-only registers anyway with a warning.",
                    "Keep it live with `bellows instances heartbeat --id ID --release R` more often than the TTL."},
            footer = {"", "Example:", "  # in a start script, with BELLOWS_URL, BELLOWS_USER, BELLOWS_PASSWORD set",
                    "  ID=$(bellows instances register --release 1.4 --ttl 60) || exit 1",
                    "  (while sleep 20; do bellows instances heartbeat --id \"$ID\" --release 1.4 --ttl 60 --pid $$; "
                            + "done) &",
                    "  HB=$!",
                    "  trap 'kill $HB; bellows instances deregister --id \"$ID\"' EXIT",
                    "  ./my-service"})
    static final class Register implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @ParentCommand
        InstancesCommand parent;

        @Option(names = "--release", required = true, paramLabel = "R", description = "The release the service runs.")
        String release;

        @Option(names = "--id", paramLabel = "ID",
                description = "A stable id, e.g. the container name (default: HOST-PID-XXXX). An existing row with "
                        + "this id is replaced.")
        String id;

        @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "30",
                description = "Silence after which the instance counts as gone (default: ${DEFAULT-VALUE}).")
        long ttlSeconds;

        @Option(names = "--host", paramLabel = "HOST", description = "Host name to show (default: this host).")
        String host;

        @Option(names = "--pid", paramLabel = "PID",
                description = "Process id to show (default: the process that ran this command, e.g. a start script "
                        + "that then execs the service).")
        Long pid;

        @Option(names = "--metadata", paramLabel = "TEXT", description = "Free text stored with the row, e.g. JSON.")
        String metadata;

        @Option(names = "--warn-only", description = "Register even when the schema cannot serve the release; "
                + "print a warning instead of failing.")
        boolean warnOnly;

        @Override
        public Integer call() {
            Release r = Release.of(release);
            Long reportedPid = pid != null ? pid
                    : ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(null);
            Registration reg = Registration.of(r, host != null ? host : Registration.localHost(), reportedPid)
                    .withTtl(Duration.ofSeconds(ttlSeconds)).withMetadata(metadata);
            if (id != null) {
                reg = reg.withId(id);
            }
            ConnectionSettings settings = settings(connection, parent);
            PrintWriter err = spec.commandLine().getErr();
            try (Connection c = settings.connect()) {
                Optional<StartupRefusal> refusal = new StartupGuard(settings.dialect())
                        .register(c, new InstanceRegistry(settings.dialect()), reg, warnOnly);
                if (refusal.isPresent()) {
                    err.println("bellows: warning: " + refusal.get().message() + " Registering anyway (--warn-only).");
                    err.flush();
                }
            } catch (SQLException e) {
                throw databaseError("cannot register instance " + reg.id(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(reg.id());
            out.flush();
            return 0;
        }
    }

    @Command(name = "heartbeat", mixinStandardHelpOptions = true,
            description = {"Records that the instance is still running (one small UPDATE, judged by the database "
                    + "clock). Call it more often than the TTL.",
                    "When the row had expired (others counted the instance as gone, so a contract may have run), "
                            + "the startup guard looks again first; when it refuses, nothing is written and the exit "
                            + "code is 1 with what the guard says.",
                    "When the id is not registered (never registered, deregistered, or pruned after a long "
                            + "silence): with --release R it is registered again after the startup guard, as "
                            + "register does (exit 1 with the guard's message when refused); without, exit 1."},
            footer = {"", "Example:", "  bellows instances heartbeat --id \"$ID\" --release 1.4 --ttl 60"})
    static final class Heartbeat implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @ParentCommand
        InstancesCommand parent;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The id printed by register.")
        String id;

        @Option(names = "--release", paramLabel = "R",
                description = "The release the service runs: register the id again when its row is missing.")
        String release;

        @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "30",
                description = "TTL of a row written again by --release (default: ${DEFAULT-VALUE}); give the "
                        + "register's.")
        long ttlSeconds;

        @Option(names = "--pid", paramLabel = "PID",
                description = "Process id of a row written again by --release (default: the parent of this "
                        + "command).")
        Long pid;

        @Override
        public Integer call() {
            Release r = release == null ? null : Release.of(release);
            Registration reg = r == null ? null : Registration.of(r, Registration.localHost(),
                            pid != null ? pid : ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(null))
                    .withTtl(Duration.ofSeconds(ttlSeconds)).withId(id);
            ConnectionSettings settings = settings(connection, parent);
            InstanceRegistry registry = new InstanceRegistry(settings.dialect());
            String done;
            try (Connection c = settings.connect()) {
                c.setAutoCommit(false);
                try {
                    done = beat(c, registry, settings, reg);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw databaseError("cannot record the heartbeat of instance " + id, e);
            }
            spec.commandLine().getOut().println(done);
            spec.commandLine().getOut().flush();
            return 0;
        }

        /** The heartbeat in the caller's transaction; throws (and the caller rolls back) when the guard refuses. */
        private String beat(Connection c, InstanceRegistry registry, ConnectionSettings settings, Registration reg)
                throws SQLException {
            dev.bellows.instances.Heartbeat found = registry.heartbeat(c, id);
            switch (found) {
                case LIVE -> {
                    return "heartbeat of instance " + id + " recorded";
                }
                case REVIVED -> {
                    return underContractLock(c, settings, () -> revived(c, registry, settings));
                }
                default -> {
                    return underContractLock(c, settings, () -> missing(c, registry, settings, reg));
                }
            }
        }

        /**
         * A revival (the row had expired or was gone, so a contract may be running): checked and written
         * under the contract lock, as a registration is, and committed before the lock is released.
         */
        private String underContractLock(Connection c, ConnectionSettings settings, Revival revival)
                throws SQLException {
            dev.bellows.db.Dialect dialect = settings.dialect();
            if (!dialect.tryContractLock(c, StartupGuard.CONTRACT_WAIT)) {
                throw new RefusedException("a contract has been running on this database for more than "
                        + StartupGuard.CONTRACT_WAIT.toSeconds() + " s; send the heartbeat again when it has finished");
            }
            try {
                String done = revival.run();
                c.commit();
                return done;
            } finally {
                dialect.releaseContractLock(c);
            }
        }

        private interface Revival {
            String run() throws SQLException;
        }

        private String revived(Connection c, InstanceRegistry registry, ConnectionSettings settings)
                throws SQLException {
            Instance row = registry.find(c, id).orElseThrow();
            Optional<StartupRefusal> refusal = new StartupGuard(settings.dialect())
                    .check(c, Release.of(row.release()));
            if (refusal.isPresent()) {
                throw new RefusedException("instance " + id + " had sent no heartbeat for longer than its "
                        + "TTL of " + row.ttl().toSeconds() + " s, and meanwhile: " + refusal.get().message()
                        + " Its row stays expired; stop the instance.");
            }
            return "heartbeat of instance " + id + " recorded; it had expired (silent for longer than its "
                    + "TTL of " + row.ttl().toSeconds() + " s) and is live again";
        }

        private String missing(Connection c, InstanceRegistry registry, ConnectionSettings settings, Registration reg)
                throws SQLException {
            if (reg == null) {
                throw new RefusedException("instance " + id + " is not registered (never registered, "
                        + "deregistered, or pruned after a long silence): run `bellows instances register "
                        + "--release R --id " + id + "` again, or give the heartbeat --release R to do it");
            }
            Optional<StartupRefusal> refusal = new StartupGuard(settings.dialect()).check(c, reg.release());
            if (refusal.isPresent()) {
                throw new StartupRefusedException(refusal.get());
            }
            registry.register(c, reg);
            return "instance " + id + " was not registered (pruned after a long silence, deregistered, or "
                    + "the database was restored); registered it again as release " + reg.release();
        }
    }

    @Command(name = "deregister", mixinStandardHelpOptions = true,
            description = {"Removes the instance's row, e.g. from a stop script. Succeeds also when the row is "
                    + "already gone."},
            footer = {"", "Example:", "  bellows instances deregister --id \"$ID\""})
    static final class Deregister implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @ParentCommand
        InstancesCommand parent;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The id printed by register.")
        String id;

        @Override
        public Integer call() {
            ConnectionSettings settings = settings(connection, parent);
            boolean removed;
            try (Connection c = settings.connect()) {
                removed = new InstanceRegistry(settings.dialect()).deregister(c, id);
            } catch (SQLException e) {
                throw databaseError("cannot deregister instance " + id, e);
            }
            spec.commandLine().getOut().println(removed ? "deregistered instance " + id
                    : "instance " + id + " was not registered; nothing to remove");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
