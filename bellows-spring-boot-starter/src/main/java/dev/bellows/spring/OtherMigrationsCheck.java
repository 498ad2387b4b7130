package dev.bellows.spring;

import dev.bellows.ConfigurationException;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Bellows and Boot's own Flyway or Liquibase auto-configuration must not both migrate one database:
 * whichever ran second would find tables it does not know. Found before any bean is created, so the
 * application stops before either touches the database, with what to set.
 */
class OtherMigrationsCheck implements BeanFactoryPostProcessor {

    private static final String FLYWAY = "org.flywaydb.core.Flyway";
    private static final String LIQUIBASE = "liquibase.integration.spring.SpringLiquibase";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        List<String> found = new ArrayList<>();
        if (has(beanFactory, FLYWAY)) {
            found.add("Boot's Flyway migrations (set spring.flyway.enabled=false)");
        }
        if (has(beanFactory, LIQUIBASE)) {
            found.add("Boot's Liquibase migrations (set spring.liquibase.enabled=false)");
        }
        if (!found.isEmpty()) {
            throw new ConfigurationException("Bellows and " + String.join(" and ", found) + " would both migrate "
                    + "this application's database at startup. Keep one: turn the other off as shown, or set "
                    + "spring.bellows.enabled=false.");
        }
    }

    private static boolean has(ConfigurableListableBeanFactory beanFactory, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, beanFactory.getBeanClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
        return beanFactory.getBeanNamesForType(type, true, false).length > 0;
    }
}
