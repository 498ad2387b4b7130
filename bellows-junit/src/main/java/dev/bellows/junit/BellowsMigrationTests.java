package dev.bellows.junit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.stream.Stream;

/**
 * Implement it in a test class annotated with {@link BellowsMigrations} and the class checks every
 * migration for rolling-upgrade safety:
 *
 * <pre>{@code
 * @BellowsMigrations(location = "db/migrations")
 * class MigrationsTest implements BellowsMigrationTests {}
 * }</pre>
 *
 * Each check is its own dynamic test, named after the file or release it checks, so a report shows
 * exactly which migration broke which rule.
 */
@ExtendWith(BellowsExtension.class)
public interface BellowsMigrationTests {

    @TestFactory
    @DisplayName("Bellows migration checks")
    default Stream<DynamicNode> bellowsMigrationChecks(BellowsSchema schema) {
        return MigrationChecks.of(schema);
    }
}
