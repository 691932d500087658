package org.reviewdesk.record;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Extracts a range of pages as one string per page; one instance per thread, reused across ranges. */
final class PageTextStripper extends PDFTextStripper {
    private final StringBuilder buffer = new StringBuilder(4096);
    private final Writer sink = new BuilderWriter(buffer);
    private final BooleanSupplier stop;
    private final OverprintFilter overprint = new OverprintFilter();
    private String[] pages;
    private int first;

    PageTextStripper(BooleanSupplier stop) {
        this.stop = stop;
        setLineSeparator("\n");
        // content-stream order is the reading order of typed records; sorting costs time and rarely helps
        setSortByPosition(false);
        setShouldSeparateByBeads(false);
        setSuppressDuplicateOverlappingText(false); // OverprintFilter does this job at a fraction of the cost
    }

    /** The text of pages {@code from..to} (1-based, inclusive); pages without content come back empty. */
    String[] extract(PDDocument doc, int from, int to) throws IOException {
        pages = new String[to - from + 1];
        Arrays.fill(pages, "");
        first = from;
        setStartPage(from);
        setEndPage(to);
        buffer.setLength(0);
        writeText(doc, sink);
        String[] result = pages;
        pages = null;
        return result;
    }

    @Override
    protected void startPage(PDPage page) {
        if (stop.getAsBoolean()) {
            throw new CancellationException("reading was cancelled");
        }
        buffer.setLength(0);
        overprint.startPage();
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (!overprint.isRepeat(text)) {
            super.processTextPosition(text);
        }
    }

    @Override
    protected void endPage(PDPage page) {
        pages[getCurrentPageNo() - first] = buffer.toString().strip();
        buffer.setLength(0);
    }

    /** A Writer straight into a StringBuilder: StringWriter synchronises every write. */
    private static final class BuilderWriter extends Writer {
        private final StringBuilder target;

        BuilderWriter(StringBuilder target) {
            this.target = target;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            target.append(cbuf, off, len);
        }

        @Override
        public void write(String str) {
            target.append(str);
        }

        @Override
        public void write(String str, int off, int len) {
            target.append(str, off, off + len);
        }

        @Override
        public void flush() {
            // nothing is buffered
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
