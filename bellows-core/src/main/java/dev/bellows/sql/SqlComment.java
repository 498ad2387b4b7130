package dev.bellows.sql;

/** A comment with its position; {@code text} is the comment without its markers, trimmed. */
public record SqlComment(String text, int line, int column, boolean block) {
}
