package dev.bellows.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a fresh database positioned just after {@code expand} of a release: every earlier release
 * completely applied (expand, migrate, contract), then the release's expand phase. This is the
 * schema the previous release's code runs against during the rollout, so run its repository tests
 * here. Goes on a {@link javax.sql.DataSource} or {@link BellowsDatabase} parameter of a test in a
 * class annotated with {@link BellowsMigrations}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AfterExpand {

    /** The release, e.g. {@code "1.2"}. */
    String value();
}
