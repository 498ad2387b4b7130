package dev.bellows.load;

import dev.bellows.ConfigurationException;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.testing.MigrationTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code classpath:db/migrations} from a directory of classes and from inside a jar. */
class LocationsTest {

    @TempDir
    Path dir;

    private Path tree() {
        Path classes = dir.resolve("classes");
        new MigrationTree(classes.resolve("db/migrations"))
                .file("1.2", "expand", "001_books.sql", "CREATE TABLE books (id int PRIMARY KEY);")
                .file("1.3", "expand", "001_isbn.sql", "ALTER TABLE books ADD isbn varchar(20);")
                .file("1.3", "contract", "001_drop.sql", "ALTER TABLE books DROP COLUMN code;");
        return classes;
    }

    @Test
    void aDirectoryOfClasses() throws Exception {
        Path classes = tree();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Path location = Locations.resolve("classpath:db/migrations", cl);
            assertThat(location).isEqualTo(classes.resolve("db/migrations"));
            assertThat(MigrationLoader.load(location, SqlSyntax.POSTGRESQL).migrations()).hasSize(3);
        }
    }

    @Test
    void insideAJar() throws Exception {
        Path classes = tree();
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.sorted().toList()) {
                if (p.equals(classes)) {
                    continue;
                }
                String name = classes.relativize(p).toString().replace('\\', '/');
                out.putNextEntry(new JarEntry(Files.isDirectory(p) ? name + "/" : name));
                if (Files.isRegularFile(p)) {
                    out.write(Files.readAllBytes(p));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Path location = Locations.resolve("classpath:/db/migrations/", cl);
            assertThat(location.getFileSystem().provider().getScheme()).isEqualTo("jar");
            MigrationSet set = MigrationLoader.load(location, SqlSyntax.POSTGRESQL);
            assertThat(set.releases()).containsExactly(Release.of("1.2"), Release.of("1.3"));
            assertThat(set.of(Release.of("1.3"), Phase.CONTRACT)).singleElement()
                    .satisfies(m -> assertThat(m.id()).isEqualTo("1.3/contract/001_drop.sql"));
        }
    }

    @Test
    void aMissingClassPathLocationSaysWhereToPutTheFiles() throws Exception {
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> Locations.resolve("classpath:db/migrations", cl))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("src/main/resources/db/migrations");
        }
    }

    @Test
    void plainAndFilesystemLocationsAreDirectories() {
        assertThat(Locations.resolve("db/migrations", null)).isEqualTo(Path.of("db/migrations"));
        assertThat(Locations.resolve("filesystem:/srv/migrations", null)).isEqualTo(Path.of("/srv/migrations"));
    }
}
