package dev.bellows.legacy;

import dev.bellows.ConfigurationException;
import dev.bellows.db.ConnectionSettings;

import java.util.ServiceLoader;

/** Finds the {@link LegacyEngine} of a {@link LegacyConfig} on the class path. */
public final class LegacyEngines {

    private LegacyEngines() {
    }

    public static LegacyHistory open(LegacyConfig config, ConnectionSettings db) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (LegacyEngine engine : ServiceLoader.load(LegacyEngine.class,
                loader == null ? LegacyEngines.class.getClassLoader() : loader)) {
            if (engine.id().equals(config.engine())) {
                return engine.open(config, db);
            }
        }
        for (LegacyEngine engine : ServiceLoader.load(LegacyEngine.class, LegacyEngines.class.getClassLoader())) {
            if (engine.id().equals(config.engine())) {
                return engine.open(config, db);
            }
        }
        throw new ConfigurationException("legacy." + config.engine() + " is configured, but no " + config.engineName()
                + " engine is on the class path: add the dependency dev.bellows:bellows-legacy (the bellows CLI, "
                + "Maven plugin and JUnit extension include it)");
    }
}
