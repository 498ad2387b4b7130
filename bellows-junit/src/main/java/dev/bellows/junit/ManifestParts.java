package dev.bellows.junit;

import dev.bellows.queries.ManifestFormat;
import dev.bellows.queries.QueryLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What each test class recorded for a release, kept in the build directory
 * ({@code target/bellows-queries/<manifest directory>-<hash>/<release>/<test class>.part}), and the release's manifest made from all of
 * them. A test class that runs again replaces only its own part, so the manifest holds every class's
 * statements however the build splits the suite (forked JVMs, one class re-run alone), counts are not added
 * up twice, and a statement the class no longer sends leaves it. Writers in other JVMs are kept out by a
 * file lock while a part is written and the manifest made.
 */
final class ManifestParts {

    static final String SOURCE = "captured from the application's tests by the Bellows JUnit extension";
    private static final String SUFFIX = ".part";
    private static final Object IN_THIS_JVM = new Object();

    private ManifestParts() {
    }

    /**
     * Replaces {@code testClass}'s part of {@code log}'s release (removes it when the class recorded nothing),
     * then writes the release's manifest into {@code manifestDir} from every part there is. With no part at all,
     * the manifest is left as it is.
     */
    static void store(Path partsDir, Path manifestDir, String testClass, QueryLog log) {
        Path dir = partsDir.resolve(key(manifestDir)).resolve(log.release().name());
        synchronized (IN_THIS_JVM) {
            try {
                Files.createDirectories(dir);
                try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    Path part = dir.resolve(testClass + SUFFIX);
                    if (log.isEmpty()) {
                        Files.deleteIfExists(part);
                    } else {
                        Files.writeString(part, render(log.captured()), StandardCharsets.UTF_8);
                    }
                    List<ManifestFormat.Captured> all = readAll(dir);
                    if (!all.isEmpty()) {
                        ManifestFormat.write(manifestDir.resolve(log.release().name() + ".sql"), log.release(),
                                SOURCE, all);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the recorded statements of " + testClass + " in " + dir
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Parts of manifests in different directories are kept apart: {@code queries-1a2b3c4d} for {@code …/db/queries}. */
    static String key(Path manifestDir) {
        Path abs = manifestDir.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "root" : abs.getFileName().toString();
        return name + "-" + String.format(java.util.Locale.ROOT, "%08x", abs.toString().hashCode());
    }

    private static List<ManifestFormat.Captured> readAll(Path dir) throws IOException {
        List<ManifestFormat.Captured> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                all.addAll(parse(Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return all;
    }

    /** One line per statement: count, tab, parameter types joined by commas, tab, the escaped text. */
    static String render(List<ManifestFormat.Captured> captured) {
        StringBuilder b = new StringBuilder();
        for (ManifestFormat.Captured c : captured) {
            b.append(c.count()).append('\t').append(String.join(",", c.parameterTypes())).append('\t')
                    .append(escape(c.sql())).append('\n');
        }
        return b.toString();
    }

    static List<ManifestFormat.Captured> parse(String text) {
        List<ManifestFormat.Captured> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f.length != 3) {
                continue; // a line cut short by a crash mid-write: the class's next run writes its part again
            }
            List<String> types = f[1].isEmpty() ? List.of() : Arrays.asList(f[1].split(","));
            out.add(new ManifestFormat.Captured(unescape(f[2]), types, Long.parseLong(f[0])));
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
