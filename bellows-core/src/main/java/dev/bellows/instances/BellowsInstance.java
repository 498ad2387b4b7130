package dev.bellows.instances;

import dev.bellows.ConfigurationException;
import dev.bellows.DatabaseException;
import dev.bellows.db.Dialect;
import dev.bellows.model.Release;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This application process as a registered instance: registering checks that the schema can serve
 * the release (the startup guard) and writes a row into {@code bellows_instances}; a daemon thread
 * then sends one small UPDATE per heartbeat interval; {@link #close()} (or JVM shutdown) removes the
 * row. Heartbeat failures are logged and retried on the next tick; a row that vanished is written
 * again. Nothing the database does after registration throws into the application.
 *
 * <pre>{@code
 * BellowsInstance instance = BellowsInstance.register(dataSource, "1.4");
 * ...
 * instance.close();   // or let the JVM shutdown hook do it
 * }</pre>
 *
 * Each heartbeat borrows one connection from the DataSource and returns it at once, so pass the
 * application's pool. The only global state is one JVM shutdown hook per open instance (optional).
 */
public final class BellowsInstance implements AutoCloseable {

    /** Default time between heartbeats (at most a third of the TTL when the TTL is shorter). */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(BellowsInstance.class);

    private final DataSource dataSource;
    private final Registration registration;
    private final Duration interval;
    private final GuardMode guardMode;
    private final Dialect configuredDialect;
    private final ScheduledExecutorService heartbeats;
    /** Null when the application closes the instance itself (a container that manages lifecycles). */
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Known after the first connection: the dialect comes from its URL unless configured. */
    private volatile InstanceRegistry registry;
    /** Consecutive failed heartbeats; written by the heartbeat thread only. */
    private volatile int failures;
    /** System.nanoTime() of the last heartbeat that reached the database; written by the heartbeat thread only. */
    private volatile long lastBeat = System.nanoTime();
    /** What the startup guard said at the last check: at start (WARN mode) or when a heartbeat rewrote the row. */
    private volatile Optional<StartupRefusal> schemaRefusal = Optional.empty();

    private BellowsInstance(Builder b) {
        this.dataSource = b.dataSource;
        this.registration = b.registration;
        this.interval = b.interval();
        this.guardMode = b.guardMode;
        this.configuredDialect = b.dialect;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bellows-heartbeat-" + registration.id());
            t.setDaemon(true);
            return t;
        });
        this.shutdownHook = b.shutdownHook ? new Thread(this::close, "bellows-deregister-" + registration.id()) : null;
    }

    /** Registers this process as an instance of {@code release} with the defaults (TTL 30 s, heartbeat 10 s, FAIL). */
    public static BellowsInstance register(DataSource dataSource, String release) {
        return builder(dataSource, release).register();
    }

    public static Builder builder(DataSource dataSource, String release) {
        return new Builder(dataSource, Release.of(release));
    }

    public String id() {
        return registration.id();
    }

    public Registration registration() {
        return registration;
    }

    public Duration heartbeatInterval() {
        return interval;
    }

    /** Heartbeats that failed in a row since the last successful one (0 when healthy). */
    public int consecutiveFailures() {
        return failures;
    }

    /**
     * Why the schema no longer serves this instance's release, as the startup guard found at its latest check:
     * at registration in guard mode WARN, and again whenever a heartbeat finds the row expired or missing (other
     * tools counted the instance as gone, so a contract may have run meanwhile). Empty when the latest check
     * passed. A health or readiness check can report it.
     */
    public Optional<StartupRefusal> schemaRefusal() {
        return schemaRefusal;
    }

    public boolean isClosed() {
        return closed.get();
    }

    private void start() {
        try {
            transact(c -> {
                InstanceRegistry reg = registryFor(c);
                Optional<StartupRefusal> refusal = new StartupGuard(reg.dialect()).register(c, reg, registration,
                        guardMode != GuardMode.FAIL);
                if (refusal.isPresent()) {
                    LOG.warn("{} Registering instance {} anyway (guard mode WARN).", refusal.get().message(), id());
                    schemaRefusal = refusal;
                }
                return null;
            });
            LOG.info("registered instance {} of release {} (heartbeat every {}, gone after {} s of silence)", id(),
                    registration.release(), Ages.format(interval), registration.ttlSeconds());
        } catch (SQLException e) {
            if (guardMode == GuardMode.FAIL) {
                throw new DatabaseException("cannot register instance " + id() + " of release "
                        + registration.release() + ": " + e.getMessage() + ". Check that the database is reachable; "
                        + "with guard mode WARN the application starts anyway and registers once it is.", e);
            }
            failures = 1;
            LOG.warn("cannot register instance {} of release {} now ({}); retrying every {}", id(),
                    registration.release(), e.getMessage(), Ages.format(interval));
        }
        long ms = interval.toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, ms, ms, TimeUnit.MILLISECONDS);
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** One heartbeat; never throws (an exception would cancel all later heartbeats). */
    private void beat() {
        if (closed.get()) {
            return;
        }
        try {
            Beat beat = transact(c -> {
                InstanceRegistry reg = registryFor(c);
                Heartbeat found = reg.heartbeat(c, id());
                if (found == Heartbeat.LIVE) {
                    return new Beat(found, Optional.empty());
                }
                // Others counted this instance as gone, so a contract may be running: the row is written again
                // under the contract lock, as a registration is, so that such a contract finishes first and the
                // check sees it. The process runs already, so it registers whatever the check says.
                return new Beat(found, new StartupGuard(reg.dialect()).register(c, reg, registration, true));
            });
            if (failures > 0) {
                LOG.info("heartbeat of instance {} works again after {} failed attempt(s)", id(), failures);
            }
            failures = 0;
            warnIfLate();
            if (beat.found() == Heartbeat.LIVE) {
                return;
            }
            if (beat.found() == Heartbeat.MISSING) {
                LOG.warn("the row of instance {} was missing (not written at start, pruned after a long silence, or "
                        + "the database was restored); registered it again", id());
            } else {
                LOG.warn("instance {} had sent no heartbeat for longer than its TTL of {} s, so other tools counted "
                        + "it as gone (a contract may have run meanwhile); this heartbeat made it live again", id(),
                        registration.ttlSeconds());
            }
            schemaRefusal = beat.refusal();
            beat.refusal().ifPresent(r -> LOG.error("{} This instance is already running: its release is no "
                    + "longer served by the schema.", r.message()));
        } catch (SQLException | RuntimeException e) {
            int n = failures + 1;
            failures = n;
            if (n == 1) {
                LOG.warn("heartbeat of instance {} failed: {}; retrying every {} (other tools count the instance "
                        + "as gone after {} s without one)", id(), e.getMessage(), Ages.format(interval),
                        registration.ttlSeconds());
            } else if (n == failuresUntilGone()) {
                LOG.warn("instance {} has sent no heartbeat for longer than its TTL of {} s ({} failures in a row, "
                        + "last: {}); others now count it as gone, so a contract could remove what release {} needs",
                        id(), registration.ttlSeconds(), n, e.getMessage(), registration.release());
            } else {
                LOG.debug("heartbeat of instance {} failed again ({} in a row): {}", id(), n, e.getMessage());
            }
        }
    }

    /**
     * Says so when this heartbeat came more than half the TTL after the previous one: the process or the
     * database stalled (CPU starvation, a long GC pause, a blocked connection pool), and a longer stall would
     * have let other instances count this one as gone.
     */
    private void warnIfLate() {
        long now = System.nanoTime();
        long gapMs = (now - lastBeat) / 1_000_000;
        lastBeat = now;
        long ttlMs = registration.ttlSeconds() * 1000L;
        if (gapMs > Math.max(interval.toMillis() * 2, ttlMs / 2)) {
            LOG.warn("heartbeat of instance {} came {} ms after the previous one (interval {}, TTL {} s): this "
                    + "process or the database stalled; a pause longer than the TTL makes other instances count this "
                    + "one as gone", id(), gapMs, Ages.format(interval), registration.ttlSeconds());
        }
    }

    /** What one heartbeat found, and the startup guard's verdict when it re-checked. */
    private record Beat(Heartbeat found, Optional<StartupRefusal> refusal) {
    }

    /** Consecutive failures after which the last successful heartbeat is older than the TTL. */
    private int failuresUntilGone() {
        long ttlMs = registration.ttlSeconds() * 1000L;
        return (int) Math.max(2, (ttlMs + interval.toMillis() - 1) / interval.toMillis());
    }

    /**
     * Stops the heartbeats and removes the row. Idempotent; never throws: when the database cannot be
     * reached the row simply expires after the TTL.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        heartbeats.shutdown();
        try {
            if (!heartbeats.awaitTermination(5, TimeUnit.SECONDS)) {
                heartbeats.shutdownNow();
            }
        } catch (InterruptedException e) {
            heartbeats.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook runs or ran already
            }
        }
        try {
            transact(c -> registryFor(c).deregister(c, id()));
            LOG.info("deregistered instance {} of release {}", id(), registration.release());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not remove the row of instance {} ({}); it counts as gone {} s after its last heartbeat",
                    id(), e.getMessage(), registration.ttlSeconds());
        }
    }

    private InstanceRegistry registryFor(Connection c) throws SQLException {
        InstanceRegistry r = registry;
        if (r == null) {
            r = configuredDialect != null ? new InstanceRegistry(configuredDialect) : InstanceRegistry.forConnection(c);
            registry = r;
        }
        return r;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work on a borrowed connection, committing when the pool hands out non-autocommit connections. */
    private <T> T transact(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            try {
                T result = work.run(c);
                if (!auto) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (!auto) {
                    try {
                        c.rollback();
                    } catch (SQLException r) {
                        e.addSuppressed(r);
                    }
                }
                throw e;
            }
        }
    }

    /** Options of a registration; {@link #register()} checks the schema, writes the row and starts heartbeats. */
    public static final class Builder {

        private final DataSource dataSource;
        private Registration registration;
        private Duration heartbeatInterval;
        private GuardMode guardMode = GuardMode.FAIL;
        private Dialect dialect;
        private boolean shutdownHook = true;

        private Builder(DataSource dataSource, Release release) {
            if (dataSource == null) {
                throw new ConfigurationException("no DataSource given: pass the application's connection pool");
            }
            this.dataSource = dataSource;
            this.registration = Registration.of(release);
        }

        /** A stable id (e.g. the pod name); default {@code HOST-PID-XXXX}. Re-registering an id replaces its row. */
        public Builder id(String id) {
            registration = registration.withId(id);
            return this;
        }

        /** Silence after which the instance counts as gone; default 30 s. */
        public Builder ttl(Duration ttl) {
            registration = registration.withTtl(ttl);
            return this;
        }

        /** Time between heartbeats; default 10 s (a third of the TTL when that is shorter). Must be below the TTL. */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        /** Free text stored with the row, e.g. JSON with a build hash. */
        public Builder metadata(String metadata) {
            registration = registration.withMetadata(metadata);
            return this;
        }

        /** Host name to report; default the local host name. */
        public Builder host(String host) {
            registration = registration.withHost(host);
            return this;
        }

        /** FAIL (default) throws when the schema cannot serve the release; WARN logs and registers anyway. */
        public Builder guard(GuardMode mode) {
            this.guardMode = mode == null ? GuardMode.FAIL : mode;
            return this;
        }

        /** The dialect, when the DataSource's JDBC URL does not tell (a proxy, a wrapper). */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /**
         * Whether a JVM shutdown hook closes the instance (default true). Turn it off when a container
         * closes it (Spring's {@code destroyMethod}), so that the row is removed before the pool closes
         * rather than by a hook racing the container's own shutdown.
         */
        public Builder shutdownHook(boolean enabled) {
            this.shutdownHook = enabled;
            return this;
        }

        Duration interval() {
            Duration ttl = Duration.ofSeconds(registration.ttlSeconds());
            Duration i = heartbeatInterval != null ? heartbeatInterval
                    : DEFAULT_HEARTBEAT_INTERVAL.compareTo(ttl.dividedBy(3)) < 0 ? DEFAULT_HEARTBEAT_INTERVAL
                    : ttl.dividedBy(3);
            if (i.toMillis() < 1 || i.compareTo(ttl) >= 0) {
                throw new ConfigurationException("heartbeat interval " + i.toMillis() + " ms of instance "
                        + registration.id() + " must be positive and shorter than its TTL of " + ttl.toSeconds()
                        + " s, or the instance counts as gone between heartbeats (e.g. TTL 30 s, heartbeat 10 s)");
            }
            return i;
        }

        /**
         * Checks the schema (startup guard), writes the row and starts the heartbeat thread.
         *
         * @throws StartupRefusedException when the schema cannot serve the release and the guard mode is FAIL
         * @throws DatabaseException       when the database cannot be reached and the guard mode is FAIL
         */
        public BellowsInstance register() {
            interval();
            BellowsInstance instance = new BellowsInstance(this);
            try {
                instance.start();
            } catch (RuntimeException e) {
                instance.heartbeats.shutdownNow();
                throw e;
            }
            return instance;
        }
    }
}
