package dev.bellows.verify;

import dev.bellows.load.MigrationLoader;
import dev.bellows.model.MigrationSet;
import dev.bellows.sql.SqlSyntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a release/phase tree of migration files for a test. */
final class MigrationTree {

    private final Path root;

    MigrationTree(Path root) {
        this.root = root;
    }

    /** {@code file("1.1/expand/001_x.sql", "ALTER TABLE …")}. */
    MigrationTree file(String relative, String sql) {
        Path p = root.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path root() {
        return root;
    }

    MigrationSet load() {
        return MigrationLoader.load(root, SqlSyntax.POSTGRESQL);
    }

    MigrationSet load(SqlSyntax syntax) {
        return MigrationLoader.load(root, syntax);
    }
}
