package dev.bellows.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code spring.bellows.*}: where the migrations are, which release this application is, what runs at
 * startup, how the instance takes part in the registry, and whether contract runs on its own.
 */
@ConfigurationProperties(prefix = "spring.bellows")
public class BellowsProperties {

    /** What runs at startup. */
    public enum Startup {
        /** Nothing: a pipeline runs the phases; the instance only registers (and the guard checks). */
        NONE,
        /** Expand up to this release before the application starts (the default). */
        EXPAND,
        /** Expand before the application starts, then migrate in the background while it serves traffic. */
        UPGRADE
    }

    /** What the startup guard does when the schema cannot serve this release. */
    public enum Guard {
        /** Refuse to start. */
        FAIL,
        /** Log an error, start anyway, report DOWN health until the schema serves the release. */
        WARN
    }

    /** Who runs the contract phase. */
    public enum Contract {
        /** A person or pipeline ({@code bellows contract}). */
        MANUAL,
        /** An instance, once every live instance runs the release and contract-delay has passed. */
        AUTO
    }

    /** Whether Bellows runs at all. */
    private boolean enabled = true;

    /**
     * Where the release directories are: classpath:PATH (also inside the application's jar) or a directory.
     * {vendor} in it is the database (postgresql, mariadb or mysql), e.g. classpath:db/migrations/{vendor}.
     */
    private String location = "classpath:db/migrations";

    /**
     * The release this application is, e.g. 1.4. Default: the version in build-info (spring-boot-maven-plugin goal
     * build-info); one of the two is required.
     */
    private String release;

    /** What runs at startup: none, expand or upgrade (expand, then migrate in the background). */
    private Startup startup = Startup.EXPAND;

    /** When the schema cannot serve this release: fail (refuse to start) or warn. */
    private Guard guard = Guard.FAIL;

    /** Who runs contract: manual (a pipeline or person) or auto (an instance, after contract-delay). */
    private Contract contract = Contract.MANUAL;

    /** How long every live instance must have run the new release before an automatic contract runs. */
    private Duration contractDelay = Duration.ofMinutes(10);

    /** How often an instance with contract=auto checks whether a contract is due. */
    private Duration contractCheckInterval = Duration.ofSeconds(10);

    /** This instance's id in the registry, e.g. the pod name; default HOST-PID-XXXX. */
    private String instanceId;

    /** Silence after which the instance counts as gone. */
    private Duration instanceTtl = Duration.ofSeconds(30);

    /** Time between heartbeats (shorter than the TTL). */
    private Duration heartbeatInterval = Duration.ofSeconds(10);

    /** Longest a DDL statement may wait for a lock before it is retried. */
    private Duration lockTimeout = Duration.ofMillis(500);

    /** Tries of a statement that hit the lock timeout. */
    private int lockRetries = 10;

    /** How long to wait for another migrator (another instance) to finish. */
    private Duration lockWait = Duration.ofSeconds(60);

    /** Most batches one run of a migrate file does; a later run continues. */
    private long maxBatches = 1_000_000;

    /** How the migrate phase's batches are sized and paced. */
    private final Batch batch = new Batch();

    /**
     * The legacy history (Flyway or Liquibase) that builds a fresh database up to {@code legacy.release}; run by
     * its own engine, which needs dev.bellows:bellows-legacy on the class path.
     */
    private final Legacy legacy = new Legacy();

    /** Values of {@code ${name}} in Bellows' own SQL files (and given to the legacy engine). */
    private Map<String, String> placeholders = new LinkedHashMap<>();

    public static class Legacy {

        /** A Flyway migrations location, e.g. classpath:db/migration (Flyway's own location syntax). */
        private String flyway;

        /** A Liquibase changelog, e.g. db/changelog/db.changelog-master.xml. */
        private String liquibase;

        /** The release the whole legacy history amounts to: Bellows records its baseline there. */
        private String release;

        /** Values the legacy engine substitutes (Flyway placeholders, Liquibase changelog properties). */
        private Map<String, String> placeholders = new LinkedHashMap<>();

        public String getFlyway() {
            return flyway;
        }

        public void setFlyway(String flyway) {
            this.flyway = flyway;
        }

        public String getLiquibase() {
            return liquibase;
        }

        public void setLiquibase(String liquibase) {
            this.liquibase = liquibase;
        }

        public String getRelease() {
            return release;
        }

        public void setRelease(String release) {
            this.release = release;
        }

        public Map<String, String> getPlaceholders() {
            return placeholders;
        }

        public void setPlaceholders(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }
    }

    public static class Batch {

        /** Duration one batch should take; the batch size adapts toward it. */
        private Duration target = Duration.ofMillis(200);

        /** First batch size (rows, or key span of keyed batches). */
        private int size = 1000;

        /** Smallest batch size. */
        private int min = 10;

        /** Largest batch size. */
        private int max = 100_000;

        /** Pause between batches. */
        private Duration pause = Duration.ZERO;

        public Duration getTarget() {
            return target;
        }

        public void setTarget(Duration target) {
            this.target = target;
        }

        public int getSize() {
            return size;
        }

        public void setSize(int size) {
            this.size = size;
        }

        public int getMin() {
            return min;
        }

        public void setMin(int min) {
            this.min = min;
        }

        public int getMax() {
            return max;
        }

        public void setMax(int max) {
            this.max = max;
        }

        public Duration getPause() {
            return pause;
        }

        public void setPause(Duration pause) {
            this.pause = pause;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getRelease() {
        return release;
    }

    public void setRelease(String release) {
        this.release = release;
    }

    public Startup getStartup() {
        return startup;
    }

    public void setStartup(Startup startup) {
        this.startup = startup;
    }

    public Guard getGuard() {
        return guard;
    }

    public void setGuard(Guard guard) {
        this.guard = guard;
    }

    public Contract getContract() {
        return contract;
    }

    public void setContract(Contract contract) {
        this.contract = contract;
    }

    public Duration getContractDelay() {
        return contractDelay;
    }

    public void setContractDelay(Duration contractDelay) {
        this.contractDelay = contractDelay;
    }

    public Duration getContractCheckInterval() {
        return contractCheckInterval;
    }

    public void setContractCheckInterval(Duration contractCheckInterval) {
        this.contractCheckInterval = contractCheckInterval;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public Duration getInstanceTtl() {
        return instanceTtl;
    }

    public void setInstanceTtl(Duration instanceTtl) {
        this.instanceTtl = instanceTtl;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public int getLockRetries() {
        return lockRetries;
    }

    public void setLockRetries(int lockRetries) {
        this.lockRetries = lockRetries;
    }

    public Duration getLockWait() {
        return lockWait;
    }

    public void setLockWait(Duration lockWait) {
        this.lockWait = lockWait;
    }

    public long getMaxBatches() {
        return maxBatches;
    }

    public void setMaxBatches(long maxBatches) {
        this.maxBatches = maxBatches;
    }

    public Batch getBatch() {
        return batch;
    }

    public Legacy getLegacy() {
        return legacy;
    }

    public Map<String, String> getPlaceholders() {
        return placeholders;
    }

    public void setPlaceholders(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }
}
