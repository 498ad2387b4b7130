package dev.bellows.spring;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.ConfigurationException;
import dev.bellows.RefusedException;
import dev.bellows.data.BatchEvent;
import dev.bellows.data.BatchOptions;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.instances.AutoContract;
import dev.bellows.instances.AutoContractor;
import dev.bellows.instances.BellowsInstance;
import dev.bellows.instances.GuardMode;
import dev.bellows.instances.LiveInstancesGuard;
import dev.bellows.load.Locations;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.Plan;
import dev.bellows.run.RunOptions;
import dev.bellows.run.SchemaState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bellows in the application's lifecycle. At startup (before JPA, JdbcTemplate and anything else that
 * uses the schema: see {@link BellowsDatabaseInitializerDetector}): expand up to this release, register
 * the instance (the startup guard refuses a release whose expand is not applied), then, for
 * {@code startup=upgrade}, migrate in a background thread while the application serves traffic, and for
 * {@code contract=auto}, check periodically whether contract is due. At shutdown: stop both and
 * deregister before the DataSource closes.
 */
public class BellowsMigrator implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(BellowsMigrator.class);
    static final String VENDOR = "{vendor}";

    private final DataSource dataSource;
    private final BellowsProperties properties;
    private final Release release;
    private final ClassLoader classLoader;
    private final Map<String, BatchEvent> batches = new ConcurrentHashMap<>();

    private volatile Bellows bellows;
    private volatile ConnectionSettings connection;
    private volatile BellowsInstance instance;
    private volatile ScheduledExecutorService background;
    private volatile String migrateState = "not started";
    private volatile long lastProgressLog;

    public BellowsMigrator(DataSource dataSource, BellowsProperties properties, Release release,
                           ClassLoader classLoader) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.release = release;
        this.classLoader = classLoader;
    }

    @Override
    public void afterPropertiesSet() {
        String url;
        String product;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new dev.bellows.DatabaseException("Bellows cannot reach the application's database: "
                    + e.getMessage() + "; check spring.datasource.*", e);
        }
        connection = ConnectionSettings.of(dataSource, url);
        Path location = Locations.resolve(location(properties.getLocation(), product), classLoader);
        bellows = new Bellows(new BellowsConfig(location, connection, runOptions())
                .withLegacy(legacy(properties.getLegacy()), properties.getPlaceholders()));
        bellows.migrations().requireKnown(release, "spring.bellows.release");

        if (properties.getStartup() != BellowsProperties.Startup.NONE) {
            expand();
        }
        instance = BellowsInstance.builder(dataSource, release.name())
                .guard(properties.getGuard() == BellowsProperties.Guard.WARN ? GuardMode.WARN : GuardMode.FAIL)
                .ttl(properties.getInstanceTtl())
                .heartbeatInterval(properties.getHeartbeatInterval())
                .shutdownHook(false)
                .dialect(bellows.runner().dialect())
                .metadata("{\"bellows\":\"spring-boot-starter\"}")
                .id(properties.getInstanceId() == null || properties.getInstanceId().isBlank()
                        ? dev.bellows.instances.Registration.of(release).id() : properties.getInstanceId())
                .register();

        boolean upgrade = properties.getStartup() == BellowsProperties.Startup.UPGRADE;
        boolean auto = properties.getContract() == BellowsProperties.Contract.AUTO;
        if (upgrade || auto) {
            background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bellows-background");
                t.setDaemon(true);
                return t;
            });
        }
        if (upgrade) {
            background.execute(this::migrateInBackground);
        }
        if (auto) {
            AutoContractor contractor = new AutoContractor(bellows.runner(), connection,
                    new AutoContract(properties.getContractDelay()), instance.id(), release);
            long every = Math.max(100, properties.getContractCheckInterval().toMillis());
            background.scheduleWithFixedDelay(() -> {
                try {
                    contractor.tick();
                } catch (RuntimeException e) {
                    LOG.warn("automatic contract check failed: {}", e.getMessage());
                }
            }, every, every, TimeUnit.MILLISECONDS);
            LOG.info("contract=auto: contract runs once every live instance runs the new release and {} passed "
                    + "(checked every {} ms)", properties.getContractDelay(), every);
        }
    }

    private RunOptions runOptions() {
        BellowsProperties.Batch b = properties.getBatch();
        BatchOptions batching = BatchOptions.defaults().withTarget(b.getTarget())
                .withSizes(b.getSize(), b.getMin(), b.getMax()).withPause(b.getPause())
                .withListener(this::onBatch);
        return RunOptions.defaults()
                .withLockTimeout(properties.getLockTimeout(), properties.getLockRetries(),
                        RunOptions.DEFAULT_RETRY_BACKOFF)
                .withLockWait(properties.getLockWait())
                .withMaxBatches(properties.getMaxBatches())
                .withBatching(batching)
                .withContractGuard(new LiveInstancesGuard(), false)
                .withProgress(line -> LOG.info("bellows: {}", line));
    }

    /** Keeps the latest progress for the endpoint; logs start, end, and progress at most every 5 seconds. */
    private void onBatch(BatchEvent e) {
        String key = e.migration() + "#" + e.statement();
        if (e.kind() == BatchEvent.Kind.DONE) {
            batches.remove(key);
            LOG.info("bellows: {} statement {}: done, {} rows in {} batches", e.migration(), e.statement(), e.rows(),
                    e.batches());
            return;
        }
        batches.put(key, e);
        long now = System.nanoTime();
        if (e.kind() == BatchEvent.Kind.START || e.kind() == BatchEvent.Kind.BACKOFF
                || now - lastProgressLog > TimeUnit.SECONDS.toNanos(5)) {
            lastProgressLog = now;
            LOG.info("bellows: {} statement {}: {} {} rows, {} batches, batch size {}{}{}", e.migration(),
                    e.statement(), e.kind().id(), e.rows(), e.batches(), e.batchSize(),
                    e.fraction() < 0 ? "" : String.format(Locale.ROOT, ", %.0f%%", e.fraction() * 100),
                    e.etaSeconds() < 0 ? "" : ", about " + e.etaSeconds() + " s left");
        }
    }

    /** Expand up to this release, unless nothing is pending (then no migrator lock is taken at all). */
    private void expand() {
        Plan plan = bellows.plan(Command.EXPAND, release);
        boolean pending = plan.refusal().isPresent() || !plan.steps().isEmpty();
        if (!pending) {
            LOG.info("bellows: expand is complete up to {}", release);
            return;
        }
        LOG.info("bellows: expanding up to release {} before the application starts", release);
        bellows.expand(release);
    }

    /**
     * Migrate up to this release while the application serves traffic. Another instance may hold the
     * migrator lock (it migrates, or expands): wait and try again until migrate is complete, so whichever
     * instance holds the lock continues the batches where they stopped.
     */
    private void migrateInBackground() {
        while (!Thread.currentThread().isInterrupted() && background != null && !background.isShutdown()) {
            try {
                SchemaState state = bellows.state();
                if (migrateComplete(state)) {
                    migrateState = "complete";
                    LOG.info("bellows: migrate is complete up to {}", release);
                    return;
                }
                migrateState = "running";
                LOG.info("bellows: migrating up to release {} in the background", release);
                bellows.migrate(release);
            } catch (RefusedException e) {
                migrateState = "waiting: " + e.getMessage();
                LOG.info("bellows: background migrate waits: {}", e.getMessage());
                sleep(properties.getHeartbeatInterval());
            } catch (RuntimeException e) {
                migrateState = "failed: " + e.getMessage();
                LOG.error("bellows: background migrate failed: {}; retrying in {} (or run `bellows migrate --to {}`)",
                        e.getMessage(), properties.getHeartbeatInterval(), release, e);
                sleep(properties.getHeartbeatInterval());
            }
        }
    }

    private boolean migrateComplete(SchemaState state) {
        for (Release r : state.migrations().releases()) {
            if (r.compareTo(release) > 0) {
                break;
            }
            if (!state.hasMarker(r, Phase.MIGRATE) || !state.filesApplied(r, Phase.MIGRATE)) {
                return false;
            }
        }
        return true;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(100, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        ScheduledExecutorService bg = background;
        if (bg != null) {
            bg.shutdownNow();
            try {
                bg.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (instance != null) {
            instance.close();
        }
    }

    public Bellows bellows() {
        return bellows;
    }

    DataSource dataSource() {
        return dataSource;
    }

    public Release release() {
        return release;
    }

    public BellowsInstance instance() {
        return instance;
    }

    public BellowsProperties properties() {
        return properties;
    }

    /** Batched statements running in this instance right now, with their latest progress. */
    public Map<String, BatchEvent> runningBatches() {
        return Map.copyOf(batches);
    }

    /** The background migrate of this instance: not started, running, waiting, complete or failed. */
    public String migrateState() {
        return migrateState;
    }

    /**
     * The location with {@code {vendor}} replaced by the database's vendor as Spring Boot names it for Flyway's
     * locations ({@code postgresql}, {@code mariadb}, {@code mysql}), so one application can keep a migration tree
     * per database: {@code classpath:db/migrations/{vendor}}.
     */
    static String location(String configured, String databaseProductName) {
        if (configured == null || !configured.contains(VENDOR)) {
            return configured;
        }
        String product = databaseProductName == null ? "" : databaseProductName.strip().toLowerCase(Locale.ROOT);
        String vendor = product.startsWith("postgres") ? "postgresql" : product.startsWith("mariadb") ? "mariadb"
                : product.startsWith("mysql") ? "mysql" : product.replaceAll("[^a-z0-9]+", "");
        return configured.replace(VENDOR, vendor);
    }

    static Release resolveRelease(String property, String buildVersion) {
        String r = property != null && !property.isBlank() ? property : buildVersion;
        if (r == null || r.isBlank()) {
            throw new ConfigurationException("Bellows needs this application's release: set spring.bellows.release "
                    + "(e.g. spring.bellows.release=1.4 in application.properties, or SPRING_BELLOWS_RELEASE=1.4), or "
                    + "let spring-boot-maven-plugin write build-info (goal build-info) so the project version is used");
        }
        String cleaned = r.endsWith("-SNAPSHOT") ? r.substring(0, r.length() - "-SNAPSHOT".length()) : r;
        return Release.parse(cleaned).orElseThrow(() -> new ConfigurationException("spring.bellows.release '" + r
                + "' is not a release version; use one like 1.4 or 2026.2"));
    }

    /** {@code spring.bellows.legacy.*}, checked as bellows.yaml's {@code legacy:} is. */
    static java.util.Optional<dev.bellows.legacy.LegacyConfig> legacy(BellowsProperties.Legacy l) {
        boolean flyway = l.getFlyway() != null && !l.getFlyway().isBlank();
        boolean liquibase = l.getLiquibase() != null && !l.getLiquibase().isBlank();
        if (!flyway && !liquibase) {
            if (l.getRelease() != null && !l.getRelease().isBlank()) {
                throw new dev.bellows.ConfigurationException("spring.bellows.legacy.release is set but neither "
                        + "spring.bellows.legacy.flyway nor spring.bellows.legacy.liquibase is: name the legacy history");
            }
            return java.util.Optional.empty();
        }
        if (flyway && liquibase) {
            throw new dev.bellows.ConfigurationException("set spring.bellows.legacy.flyway or "
                    + "spring.bellows.legacy.liquibase, not both: a project has one legacy history");
        }
        dev.bellows.model.Release release = l.getRelease() == null || l.getRelease().isBlank() ? null
                : dev.bellows.model.Release.of(l.getRelease().trim());
        return java.util.Optional.of(new dev.bellows.legacy.LegacyConfig(
                flyway ? dev.bellows.legacy.LegacyConfig.FLYWAY : dev.bellows.legacy.LegacyConfig.LIQUIBASE,
                flyway ? l.getFlyway().trim() : l.getLiquibase().trim(), release, l.getPlaceholders()));
    }
}
