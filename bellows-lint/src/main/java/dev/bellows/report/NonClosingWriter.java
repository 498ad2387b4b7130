package dev.bellows.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Jackson closes its target after writing; the caller owns the writer, so closing only flushes. */
final class NonClosingWriter extends FilterWriter {

    NonClosingWriter(Writer out) {
        super(out);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
