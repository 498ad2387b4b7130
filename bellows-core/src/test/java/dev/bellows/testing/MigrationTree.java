package dev.bellows.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a release/phase migration tree into a directory, one file per call. */
public final class MigrationTree {

    private final Path root;

    public MigrationTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes {@code release/phase/file} with {@code sql}; returns this for chaining. */
    public MigrationTree file(String release, String phase, String file, String sql) {
        Path p = root.resolve(release).resolve(phase).resolve(file);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public MigrationTree delete(String release, String phase, String file) {
        try {
            Files.delete(root.resolve(release).resolve(phase).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
