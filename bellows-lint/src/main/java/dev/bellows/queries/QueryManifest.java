package dev.bellows.queries;

import dev.bellows.load.Paths;
import dev.bellows.model.Release;

import java.nio.file.Path;
import java.util.List;

/**
 * The statements one release of the application sends: {@code db/queries/<release>.sql}.
 *
 * @param release the release that sends them
 * @param file    the manifest file
 * @param entries its distinct statements, in file order
 */
public record QueryManifest(Release release, Path file, List<QueryEntry> entries) {

    public QueryManifest {
        entries = List.copyOf(entries);
    }

    /** The file as shown to users (relative to the working directory when under it). */
    public String display() {
        return Paths.display(file);
    }

    /** {@code db/queries/1.2.sql:14}: where an entry is. */
    public String where(QueryEntry entry) {
        return display() + ":" + entry.line();
    }
}
