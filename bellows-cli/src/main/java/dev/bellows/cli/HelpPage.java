package dev.bellows.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bellows --help} (and the usage bare {@code bellows} prints), rendered by picocli at build time into
 * {@code help/bellows.txt} and {@code help/bellows.ansi.txt}: listing every command means reading every
 * command's options, which is most of what {@code --help} would otherwise spend after the JVM starts. A test
 * checks that the page equals what picocli prints.
 */
public final class HelpPage {

    private static final String RESOURCE = "/dev/bellows/cli/help/bellows";

    private HelpPage() {
    }

    /** What picocli prints for {@code bellows --help}, plain or with ANSI styles. */
    static String render(boolean ansi) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        BellowsCli.run(new String[]{"--help"}, writer, writer, Map.of(), ansi);
        return out.toString();
    }

    /** The page the build wrote, when there is one (not in an IDE's unprocessed classes). */
    static Optional<String> prebuilt(boolean ansi) {
        try (InputStream in = HelpPage.class.getResourceAsStream(RESOURCE + (ansi ? ".ansi.txt" : ".txt"))) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Run by the build: {@code HelpPage target/classes/dev/bellows/cli/help}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: HelpPage OUTPUT_DIR");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.writeString(dir.resolve("bellows.txt"), render(false), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("bellows.ansi.txt"), render(true), StandardCharsets.UTF_8);
    }
}
