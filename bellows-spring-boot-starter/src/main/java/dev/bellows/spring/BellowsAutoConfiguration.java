package dev.bellows.spring;

import dev.bellows.Bellows;
import dev.bellows.model.Release;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Bellows on the application's {@link DataSource}: after Boot configured the DataSource, before JPA.
 * Class names instead of classes where Boot 4 moved them (DataSource and Hibernate auto-configuration,
 * the health API), so one jar serves Boot 3.5 and 4.0.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration"},
        beforeName = {
                "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass(Bellows.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "spring.bellows", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(BellowsProperties.class)
public class BellowsAutoConfiguration {

    /** Refuses Boot's own Flyway or Liquibase migrations beside Bellows on the same database. */
    @Bean
    static OtherMigrationsCheck bellowsOtherMigrationsCheck() {
        return new OtherMigrationsCheck();
    }

    @Bean(name = "bellows")
    @ConditionalOnMissingBean
    BellowsMigrator bellows(DataSource dataSource, BellowsProperties properties,
                            ObjectProvider<BuildProperties> buildProperties,
                            org.springframework.context.ApplicationContext context) {
        BuildProperties build = buildProperties.getIfAvailable();
        Release release = BellowsMigrator.resolveRelease(properties.getRelease(),
                build == null ? null : build.getVersion());
        return new BellowsMigrator(dataSource, properties, release, context.getClassLoader());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        BellowsEndpoint bellowsEndpoint(BellowsMigrator bellows) {
            return new BellowsEndpoint(bellows);
        }
    }

    /** Boot 3.5: {@code org.springframework.boot.actuate.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3HealthConfiguration {

        @Bean(name = "bellowsHealthIndicator")
        @ConditionalOnMissingBean(name = "bellowsHealthIndicator")
        Boot3BellowsHealth bellowsHealthIndicator(BellowsMigrator bellows) {
            return new Boot3BellowsHealth(new BellowsHealth(bellows));
        }
    }

    /** Boot 4.0 moved health to {@code org.springframework.boot.health.contributor}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4HealthConfiguration {

        @Bean(name = "bellowsHealthIndicator")
        @ConditionalOnMissingBean(name = "bellowsHealthIndicator")
        Boot4BellowsHealth bellowsHealthIndicator(BellowsMigrator bellows) {
            return new Boot4BellowsHealth(new BellowsHealth(bellows));
        }
    }
}
