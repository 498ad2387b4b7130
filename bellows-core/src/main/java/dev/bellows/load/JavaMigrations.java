package dev.bellows.load;

import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlScript;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds Java data migrations on the class path by the release/phase/number convention:
 * <pre>
 * BASE.v&lt;release, '.' written as '_'&gt;.&lt;phase&gt;.M&lt;number&gt;_&lt;Description&gt;
 * db.migrations.v1_3.migrate.M002_BackfillPrices      → release 1.3, phase migrate, number 2
 * </pre>
 * The default base package is {@code db.migrations}, mirroring the default location
 * {@code db/migrations}. Only the migrate phase takes Java migrations (they are batched data changes);
 * a class must implement {@code dev.bellows.data.DataMigration} and have a public no-argument
 * constructor. Its checksum is that of its class name, so recompiling it does not count as an edit.
 *
 * @param loader      the class loader to search
 * @param basePackage the package under which release packages live
 */
public record JavaMigrations(ClassLoader loader, String basePackage) {

    public static final String DEFAULT_PACKAGE = "db.migrations";
    static final String INTERFACE = "dev.bellows.data.DataMigration";

    private static final Pattern RELEASE = Pattern.compile("v(\\d+(?:_\\d+)*)");
    private static final Pattern CLASS = Pattern.compile("M(\\d+)_(\\w+)\\.class");

    /** The default package on the thread's context class loader. */
    public static JavaMigrations defaults() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return new JavaMigrations(cl != null ? cl : JavaMigrations.class.getClassLoader(), DEFAULT_PACKAGE);
    }

    /** Searches nothing (for loading loose SQL files). */
    public static JavaMigrations none() {
        return new JavaMigrations(null, null);
    }

    /** Every Java migration under the base package, validated; {@code location} anchors their paths. */
    public List<Migration> find(Path location) {
        if (loader == null || basePackage == null) {
            return List.of();
        }
        List<Migration> out = new ArrayList<>();
        for (String className : classNames()) {
            parse(className, location).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Migration> parse(String className, Path location) {
        String rest = className.substring(basePackage.length() + 1);
        String[] parts = rest.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        Matcher r = RELEASE.matcher(parts[0]);
        Matcher c = CLASS.matcher(parts[2] + ".class");
        if (!r.matches() || !c.matches() || parts[2].contains("$")) {
            return Optional.empty();
        }
        Release release = Release.of(r.group(1).replace('_', '.'));
        Path virtual = location.resolve(release.name()).resolve(parts[1]).resolve(parts[2] + ".java");
        Phase phase = Phase.fromId(parts[1]).orElseThrow(() -> new MigrationLoadException(virtual,
                "Java migration " + className + " is in unknown phase package '" + parts[1]
                        + "'; Java migrations belong to the migrate phase: move it to package "
                        + basePackage + "." + parts[0] + ".migrate"));
        if (phase != Phase.MIGRATE) {
            throw new MigrationLoadException(virtual, "Java migration " + className + " is in the " + phase.id()
                    + " phase; only data migrations (phase migrate) can be Java classes. Move it to package "
                    + basePackage + "." + parts[0] + ".migrate, or write the change as a SQL file");
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrationLoadException(virtual, "Java migration " + className + " cannot be loaded: " + e);
        }
        if (!implementsDataMigration(type)) {
            throw new MigrationLoadException(virtual, "Java migration " + className + " does not implement "
                    + INTERFACE + "; implement migrateBatch(Connection, int)");
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new MigrationLoadException(virtual, "Java migration " + className + " needs a public "
                    + "no-argument constructor");
        }
        int number;
        try {
            number = Integer.parseInt(c.group(1));
        } catch (NumberFormatException e) {
            throw new MigrationLoadException(virtual, "numeric prefix of " + className + " is too large");
        }
        String content = "java:" + className;
        return Optional.of(new Migration(release, phase, number, parts[2], virtual, className + " (Java)", content,
                MigrationLoader.sha256(content.getBytes(StandardCharsets.UTF_8)),
                new SqlScript(List.of(), List.of()), type));
    }

    private static boolean implementsDataMigration(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Class<?> i : t.getInterfaces()) {
                if (i.getName().equals(INTERFACE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Class names below the base package, from directories and jars on the class path. */
    private List<String> classNames() {
        String dir = basePackage.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(dir);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    Path root = Path.of(url.toURI());
                    try (Stream<Path> files = Files.walk(root)) {
                        files.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(basePackage + "."
                                + root.relativize(p).toString().replace('\\', '/').replace('/', '.')
                                .replaceAll("\\.class$", "")));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection jar = (JarURLConnection) url.openConnection();
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        for (JarEntry e : (Iterable<JarEntry>) file.stream()::iterator) {
                            if (e.getName().startsWith(dir + "/") && e.getName().endsWith(".class")) {
                                names.add(e.getName().replace('/', '.').replaceAll("\\.class$", ""));
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationLoadException(Path.of(dir), "cannot list Java migrations in package " + basePackage
                    + ": " + e.getMessage());
        }
        return new ArrayList<>(names);
    }
}
