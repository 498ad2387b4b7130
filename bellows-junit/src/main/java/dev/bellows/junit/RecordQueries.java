package dev.bellows.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records every statement the application's code sends through the {@link javax.sql.DataSource}s the
 * extension hands to this class's tests ({@link AfterExpand} / {@link AfterContract} parameters, or
 * {@link BellowsSchema#recording}), and writes them as the query manifest of {@link #release()} when
 * the test run ends: {@code db/queries/<release>.sql}, one entry per distinct statement with its JDBC
 * parameter types and how often it was sent, sorted. Every class recording the same release adds to one
 * manifest: each class's statements are kept apart in the build directory ({@link #partsDirectory()}) and
 * the manifest is made from all of them, so forked test JVMs or a class re-run alone keep what the other
 * classes recorded, and a class that runs again replaces only its own statements. After a clean build, the
 * manifest holds what the classes that ran since recorded: record from the whole suite.
 *
 * <pre>{@code
 * @BellowsMigrations(location = "db/migrations")
 * @RecordQueries(release = "1.3")
 * class BookRepositoryTest {
 *     @Test
 *     void savesAndFinds(@AfterExpand("1.3") DataSource ds) { new BookRepository(ds).save(...); }
 * }
 * }</pre>
 *
 * {@code bellows verify} then prepares each statement against every schema release 1.3 meets.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RecordQueries {

    /** The release of the application whose tests these are, e.g. {@code 1.3}. */
    String release();

    /** The manifest directory, relative to the working directory (the module's directory under Maven). */
    String directory() default "db/queries";

    /**
     * Where each test class's recording is kept between test runs of one build, relative to the working
     * directory: Maven's {@code target} by default (Gradle builds set {@code build/bellows-queries}). Cleaning
     * the build forgets them.
     */
    String partsDirectory() default "target/bellows-queries";
}
