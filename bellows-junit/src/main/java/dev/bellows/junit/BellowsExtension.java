package dev.bellows.junit;

import dev.bellows.ConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * Registered by {@link BellowsMigrations}: resolves {@link BellowsSchema}, and {@link DataSource} or
 * {@link BellowsDatabase} parameters annotated {@link AfterExpand} or {@link AfterContract}. The
 * database server (embedded PostgreSQL, or the one named by URL) is started on first use and
 * shared by the whole test run; it stops when the run ends.
 */
public final class BellowsExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BellowsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        Class<?> type = p.getParameter().getType();
        if (type == BellowsSchema.class) {
            return true;
        }
        return (type == DataSource.class || type == BellowsDatabase.class)
                && (p.isAnnotated(AfterExpand.class) || p.isAnnotated(AfterContract.class));
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        BellowsSchema schema = schema(context);
        if (p.getParameter().getType() == BellowsSchema.class) {
            return schema;
        }
        BellowsDatabase db = p.findAnnotation(AfterExpand.class).map(a -> schema.afterExpand(a.value()))
                .orElseGet(() -> schema.afterContract(p.findAnnotation(AfterContract.class).orElseThrow().value()));
        return p.getParameter().getType() == DataSource.class ? schema.recordingIfAsked(db.dataSource()) : db;
    }

    private static BellowsSchema schema(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        BellowsMigrations annotation = AnnotationSupport.findAnnotation(testClass, BellowsMigrations.class)
                .orElseThrow(() -> new ParameterResolutionException(testClass.getName() + " needs "
                        + "@BellowsMigrations(location = \"db/migrations\") to say where its migrations are"));
        Settings settings = Settings.of(annotation, testClass);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                k -> new BellowsSchema(settings, server(context.getRoot(), settings), recording(context, testClass)),
                BellowsSchema.class);
    }

    /**
     * The log of the release named by {@link RecordQueries} on the test class, one per test class for the whole
     * run: when the run ends it becomes the class's part of that release's manifest ({@link ManifestParts}).
     */
    private static java.util.Optional<dev.bellows.queries.QueryLog> recording(ExtensionContext context,
                                                                              Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, RecordQueries.class).map(r -> {
            dev.bellows.model.Release release = dev.bellows.model.Release.parse(r.release().trim())
                    .orElseThrow(() -> new ConfigurationException(testClass.getName() + ": @RecordQueries(release = \""
                            + r.release() + "\") is not a release version (e.g. 1.3)"));
            java.nio.file.Path dir = java.nio.file.Path.of(r.directory()).toAbsolutePath().normalize();
            java.nio.file.Path parts = java.nio.file.Path.of(r.partsDirectory()).toAbsolutePath().normalize();
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                    "queries:" + dir + ":" + release + ":" + testClass.getName(),
                    k -> new StoredLog(new dev.bellows.queries.QueryLog(release), dir, parts, testClass.getName()),
                    StoredLog.class).log;
        });
    }

    /** Stores the class's recording and rewrites the release's manifest from every class's when the run ends. */
    @SuppressWarnings("deprecation")
    private static final class StoredLog implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final dev.bellows.queries.QueryLog log;
        private final java.nio.file.Path directory;
        private final java.nio.file.Path parts;
        private final String testClass;
        private boolean closed;

        StoredLog(dev.bellows.queries.QueryLog log, java.nio.file.Path directory, java.nio.file.Path parts,
                  String testClass) {
            this.log = log;
            this.directory = directory;
            this.parts = parts;
            this.testClass = testClass;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                ManifestParts.store(parts, directory, testClass, log);
            }
        }
    }

    /** The server, started on first use and kept in the root store, so one run starts it once. */
    private static Supplier<ScratchServer> server(ExtensionContext root, Settings settings) {
        return () -> {
            if (settings.url().isEmpty() && !settings.dialect().id().equals(ScratchServer.EMBEDDED_DIALECT)) {
                throw new ConfigurationException("dialect " + settings.dialect().id() + " needs a database server "
                        + "of that kind: set @BellowsMigrations(url = ...) or -D" + Settings.URL_PROPERTY
                        + "=jdbc:mariadb://HOST/DB (the embedded server is PostgreSQL)");
            }
            String key = settings.url().map(u -> "url:" + u + ":" + settings.user()).orElse("embedded");
            return root.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> new StoredServer(start(settings)),
                    StoredServer.class).server;
        };
    }

    private static ScratchServer start(Settings settings) {
        return settings.url().isPresent()
                ? ScratchServer.at(settings.url().get(), settings.user(), settings.password())
                : ScratchServer.embedded();
    }

    /**
     * Closes the server when the test run ends: JUnit closes a {@code CloseableResource} (older
     * versions) or an {@code AutoCloseable} (5.13 on); closing twice does nothing.
     */
    @SuppressWarnings("deprecation")
    private static final class StoredServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final ScratchServer server;
        private boolean closed;

        StoredServer(ScratchServer server) {
            this.server = server;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                server.close();
            }
        }
    }
}
