package dev.bellows.bench.lint;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Phase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One labelled case of the lint corpus.
 *
 * @param line     its line in {@code corpus.tsv}
 * @param dialect  the dialect it is written for
 * @param version  the oldest server version the case must be safe on ({@code postgresql:14} in the
 *                 file), or null for the linter's default
 * @param phase    the phase of the case itself (release 2.0)
 * @param expected the rule ids a correct linter reports (empty: none)
 * @param history  SQL that runs before it, each as {@code RELEASE/PHASE: sql}
 * @param sql      the case's SQL
 */
public record CorpusCase(int line, LintDialect dialect, ServerVersion version, Phase phase, Set<String> expected, List<String> history,
                         String sql) {

    public static final String RESOURCE = "/dev/bellows/bench/lint/corpus.tsv";

    public CorpusCase {
        expected = Set.copyOf(expected);
        history = List.copyOf(history);
    }

    /** The lint options of the case: its dialect, at its server version when it names one. */
    public LintOptions options() {
        LintOptions o = LintOptions.of(dialect);
        return version == null ? o : o.withPgVersion(version).withMysqlVersion(version);
    }

    /** Reads {@code corpus.tsv} from the classpath. */
    public static List<CorpusCase> load() {
        try (InputStream in = CorpusCase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CorpusCase> parse(String text) {
        List<CorpusCase> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t", 4);
            if (f.length != 4) {
                throw new IllegalArgumentException("corpus.tsv line " + (i + 1) + ": expected 4 tab-separated fields");
            }
            Set<String> expected = f[2].equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(f[2].split(",")));
            String[] parts = f[3].replace("\\n", "\n").split(" >>> ");
            List<String> history = Arrays.asList(parts).subList(0, parts.length - 1);
            String[] dialect = f[0].split(":", 2);
            ServerVersion version = dialect.length == 2 ? ServerVersion.parse(dialect[1]) : null;
            out.add(new CorpusCase(i + 1, LintDialect.named(dialect[0]), version, Phase.fromId(f[1]).orElseThrow(),
                    expected, history,
                    parts[parts.length - 1]));
        }
        return out;
    }
}
