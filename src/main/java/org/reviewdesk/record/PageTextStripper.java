package org.reviewdesk.record;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
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
    private int last;
    private int current;
    /** The pages of the document last read, in order, listed once (see {@link #processPages}). */
    private PDDocument listed;
    private List<PDPage> pageList;

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
        last = to;
        buffer.setLength(0);
        writeText(doc, sink);
        String[] result = pages;
        pages = null;
        return result;
    }

    /**
     * Only the pages asked for. PDFTextStripper walks the whole page tree on every call (a page object and a
     * check of its contents for every page of the document, to skip those outside the range): on a
     * 5,000-page file read in chunks that was quadratic. The page range is handled here instead (the
     * stripper's own range stays at all pages), and the document's pages are listed once per document.
     */
    @Override
    protected void processPages(PDPageTree tree) throws IOException {
        for (int n = first; n <= last; n++) {
            PDPage page = page(n);
            current = n;
            if (page.hasContents()) {
                processPage(page);
            }
        }
    }

    private PDPage page(int number) {
        if (listed != document) {
            if (last - first < 4 && listed == null) {
                return document.getPage(number - 1); // a first look at a page or two: no list
            }
            pageList = new ArrayList<>(document.getNumberOfPages());
            for (PDPage p : document.getPages()) {
                pageList.add(p);
            }
            listed = document;
        }
        return pageList.get(number - 1);
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
        pages[current - first] = buffer.toString().strip();
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
