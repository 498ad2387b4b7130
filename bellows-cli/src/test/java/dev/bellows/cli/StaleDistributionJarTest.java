package dev.bellows.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first half of a check that {@code mvn package} makes {@code target/dist} from scratch: run before packaging
 * (the unit-test phase), this leaves a jar of an older picocli in {@code target/dist/lib}, as the tree of an earlier
 * build would hold after a dependency changed version. {@link DistributionIT} (after packaging) checks that it is
 * gone and that {@code lib/} holds exactly the jars the CLI's class path names.
 */
class StaleDistributionJarTest {

    static final String STALE = "picocli-0.0.1.jar";

    @Test
    void anEarlierBuildLeftAJarOfAnOlderVersion() throws IOException {
        Path lib = Path.of(System.getProperty("basedir", "."), "target", "dist", "lib");
        Path stale = Files.write(Files.createDirectories(lib).resolve(STALE), new byte[]{'P', 'K', 5, 6});
        assertThat(stale).exists();
    }
}
