package dev.bellows.spring;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Boot that the {@link BellowsMigrator} initializes the database, so that everything Boot knows
 * uses the schema (JPA's EntityManagerFactory, JdbcTemplate, jOOQ, beans annotated
 * {@code @DependsOnDatabaseInitialization}) is created after it: the same ordering Boot gives Flyway.
 * Registered in {@code META-INF/spring.factories}; the class and its package are the same in Boot 3.5 and 4.0.
 */
public class BellowsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(BellowsMigrator.class);
    }
}
