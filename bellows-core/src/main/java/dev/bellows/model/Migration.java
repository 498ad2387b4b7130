package dev.bellows.model;

import dev.bellows.sql.SqlScript;
import dev.bellows.sql.SqlStatement;

import java.nio.file.Path;
import java.util.List;

/**
 * One migration file of one release and one phase.
 *
 * @param release     the release it belongs to
 * @param phase       the phase it runs in
 * @param number      its numeric prefix; files of a phase run in this order
 * @param fileName    the file's name, e.g. {@code 001_add_books_isbn.sql}
 * @param path        the file on disk
 * @param displayPath the path to show users (relative to the working directory where possible)
 * @param content     the file's text
 * @param checksum    SHA-256 of the file's bytes, lower-case hex
 * @param script      the file split into statements (none for a Java migration)
 * @param javaClass   the class of a Java data migration ({@code dev.bellows.data.DataMigration}), or null
 *                    for a SQL file
 */
public record Migration(Release release, Phase phase, int number, String fileName, Path path,
                        String displayPath, String content, String checksum, SqlScript script, Class<?> javaClass) {

    /** A SQL migration file. */
    public Migration(Release release, Phase phase, int number, String fileName, Path path, String displayPath,
                     String content, String checksum, SqlScript script) {
        this(release, phase, number, fileName, path, displayPath, content, checksum, script, null);
    }

    /** Whether this migration is a Java class rather than a SQL file. */
    public boolean isJava() {
        return javaClass != null;
    }

    /** Stable identity in the history table: {@code 1.1/expand/001_add_books_isbn.sql}. */
    public String id() {
        return release.name() + "/" + phase.id() + "/" + fileName;
    }

    public List<SqlStatement> statements() {
        return script.statements();
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
