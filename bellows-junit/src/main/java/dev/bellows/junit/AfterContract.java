package dev.bellows.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a fresh database positioned just after {@code contract} of a release: the release and
 * every earlier one completely applied. This is the schema the release's own code runs against once
 * the rollout is finished. Goes on a {@link javax.sql.DataSource} or {@link BellowsDatabase}
 * parameter of a test in a class annotated with {@link BellowsMigrations}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AfterContract {

    /** The release, e.g. {@code "1.2"}. */
    String value();
}
