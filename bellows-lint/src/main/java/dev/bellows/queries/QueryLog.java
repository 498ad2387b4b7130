package dev.bellows.queries;

import dev.bellows.model.Release;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The statements one release sent while they were captured, counted; safe to use from many
 * threads. {@link #write} turns it into the release's manifest.
 */
public final class QueryLog {

    private record Key(String sql, List<String> types) {
    }

    private final Release release;
    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    public QueryLog(Release release) {
        this.release = release;
    }

    public Release release() {
        return release;
    }

    /** Records one sending of {@code sql} with parameters of these JDBC types (names of java.sql.JDBCType). */
    public void record(String sql, List<String> parameterTypes, long times) {
        if (sql == null || sql.isBlank()) {
            return;
        }
        counts.computeIfAbsent(new Key(sql.strip(), List.copyOf(parameterTypes)), k -> new LongAdder()).add(times);
    }

    public List<ManifestFormat.Captured> captured() {
        return counts.entrySet().stream()
                .map(e -> new ManifestFormat.Captured(e.getKey().sql(), e.getKey().types(), e.getValue().sum()))
                .toList();
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Writes the manifest of this release to {@code <directory>/<release>.sql}, replacing it. */
    public Path write(Path directory, String source) {
        Path file = directory.resolve(release.name() + ".sql");
        ManifestFormat.write(file, release, source, captured());
        return file;
    }
}
