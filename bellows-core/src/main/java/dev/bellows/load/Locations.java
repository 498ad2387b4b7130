package dev.bellows.load;

import dev.bellows.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Turns a migration location into a directory that {@link MigrationLoader} reads:
 * <ul>
 *   <li>{@code classpath:db/migrations}: the directory of that name on the class path, found with a
 *       class loader. In a directory of classes it is that directory; inside a jar it is the jar's own
 *       file system (the JDK's zip file system), so the files are read where they are; inside a jar
 *       nested in another (a Spring Boot fat jar) the entries are copied once to a temporary directory
 *       that is deleted when the JVM exits.</li>
 *   <li>{@code filesystem:PATH} or a plain path: that directory.</li>
 * </ul>
 * Needs nothing beyond the JDK.
 */
public final class Locations {

    public static final String CLASSPATH = "classpath:";
    public static final String FILESYSTEM = "filesystem:";

    private Locations() {
    }

    /** The directory that {@code location} names; class-path locations are looked up with {@code loader}. */
    public static Path resolve(String location, ClassLoader loader) {
        if (location == null || location.isBlank()) {
            throw new ConfigurationException("no migration location given: use classpath:db/migrations or a "
                    + "directory such as db/migrations");
        }
        if (location.startsWith(FILESYSTEM)) {
            return Path.of(location.substring(FILESYSTEM.length()));
        }
        if (!location.startsWith(CLASSPATH)) {
            return Path.of(location);
        }
        String name = location.substring(CLASSPATH.length());
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        ClassLoader cl = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        URL url = cl == null ? ClassLoader.getSystemResource(name) : cl.getResource(name);
        if (url == null) {
            throw new ConfigurationException("migration location " + location + " is not on the class path: put "
                    + "the release directories in src/main/resources/" + name + " (they are packaged into "
                    + name + "/ of the jar), or name another location");
        }
        return fromUrl(location, url);
    }

    static Path fromUrl(String location, URL url) {
        try {
            switch (url.getProtocol()) {
                case "file":
                    return Path.of(url.toURI());
                case "jar":
                    return inJar(location, url);
                default:
                    return copied(location, url);
            }
        } catch (URISyntaxException | IOException e) {
            throw new ConfigurationException("cannot read migration location " + location + " at " + url + ": "
                    + e.getMessage());
        }
    }

    /** A directory in a jar on disk: opened with the JDK's zip file system; a nested jar: copied. */
    private static Path inJar(String location, URL url) throws URISyntaxException, IOException {
        String spec = url.toString();
        int sep = spec.indexOf("!/");
        boolean plainJar = spec.startsWith("jar:file:") && sep > 0 && spec.indexOf("!/", sep + 2) < 0;
        if (!plainJar) {
            return copied(location, url);
        }
        URI jar = new URI(spec.substring(0, sep));
        String entry = spec.substring(sep + 1);
        FileSystem fs;
        try {
            fs = FileSystems.getFileSystem(jar);
        } catch (FileSystemNotFoundException notOpen) {
            try {
                fs = FileSystems.newFileSystem(jar, Map.of());
            } catch (FileSystemAlreadyExistsException race) {
                fs = FileSystems.getFileSystem(jar);
            }
        }
        return fs.getPath(entry);
    }

    /**
     * Copies the entries below the location out of a jar the zip file system cannot open (a jar inside
     * a jar) into a temporary directory, read once at startup.
     */
    private static Path copied(String location, URL url) throws IOException {
        if (!(url.openConnection() instanceof JarURLConnection connection)) {
            throw new ConfigurationException("cannot list migration location " + location + " at " + url
                    + ": only directories and jars are supported; unpack the migrations into a directory and "
                    + "name it (filesystem:/path/to/migrations)");
        }
        connection.setUseCaches(false);
        String prefix = connection.getEntryName() == null ? "" : connection.getEntryName();
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        Path target = Files.createTempDirectory("bellows-migrations-");
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.getName().startsWith(prefix) || e.getName().length() == prefix.length()) {
                    continue;
                }
                Path out = target.resolve(e.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(target)) {
                    continue;
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = jar.getInputStream(e)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        deleteOnExit(target);
        return target;
    }

    private static void deleteOnExit(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.forEach(p -> p.toFile().deleteOnExit());
        }
    }
}
