package org.reviewdesk.record;

import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
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

/**
 * Extracts a range of pages as one string per page; one instance per thread, reused across ranges.
 *
 * <p>The text is PDFBox's (content-stream order, its word and line separation), but assembled as the glyphs
 * arrive: {@link PDFTextStripper} keeps every glyph of a page in lists, then walks them in {@code writePage},
 * making a wrapper per glyph, a list per line and a {@link java.text.Bidi} per word, which was a third of the
 * extraction's time. Here the same walk runs glyph by glyph with the same rules and tolerances (see
 * {@link #assemble}). A page holding right-to-left text or presentation forms, which PDFBox reorders and
 * normalises per word, is read again the PDFBox way ({@code exact}); {@code PageTextEquivalenceTest} compares
 * the two on real letters.
 */
final class PageTextStripper extends PDFTextStripper {
    private static final float END_OF_LAST_TEXT_X_RESET = -1;
    private static final float MAX_Y_FOR_LINE_RESET = -Float.MAX_VALUE;
    private static final float EXPECTED_START_RESET = -Float.MAX_VALUE;
    private static final float MAX_HEIGHT_FOR_LINE_RESET = -1;
    private static final float LAST_WORD_SPACING_RESET = -1;

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
    /** Whether this page is read through PDFTextStripper's own {@code writePage} (see the class comment). */
    private boolean exact;
    /** Whether the page read fast holds text that only the exact way reads right. */
    private boolean needsExact;
    /** Forced exact reading, for the equivalence test. */
    private final boolean alwaysExact;
    // the state of PDFTextStripper.writePage's loop, carried from glyph to glyph
    private TextPosition lastGlyph;
    private float maxYForLine;
    private float maxHeightForLine;
    private float endOfLastTextX;
    private float lastWordSpacing;
    private float previousAveCharWidth;

    PageTextStripper(BooleanSupplier stop) {
        this(stop, false);
    }

    /** {@code alwaysExact}: every page the PDFBox way (the reference the fast way is compared with). */
    PageTextStripper(BooleanSupplier stop, boolean alwaysExact) {
        this.stop = stop;
        this.alwaysExact = alwaysExact;
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
                exact = alwaysExact;
                needsExact = false;
                processPage(page);
                if (needsExact) {
                    exact = true;
                    processPage(page);
                }
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
        lastGlyph = null;
        maxYForLine = MAX_Y_FOR_LINE_RESET;
        maxHeightForLine = MAX_HEIGHT_FOR_LINE_RESET;
        endOfLastTextX = END_OF_LAST_TEXT_X_RESET;
        lastWordSpacing = LAST_WORD_SPACING_RESET;
        previousAveCharWidth = -1;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        String unicode = text.getUnicode();
        float x = text.getX();
        float y = text.getY();
        float width = text.getWidth();
        float height = text.getHeight();
        if (overprint.isRepeat(unicode, x, y, width, height)) {
            return;
        }
        if (exact) {
            super.processTextPosition(text);
        } else if (!needsExact) {
            assemble(text, unicode, x, y, width, height);
        }
    }

    /**
     * One glyph of PDFTextStripper's {@code writePage} loop (PDFBox 3.0, not sorted by position, no beads,
     * spaces from the content stream kept): a line break when the glyph does not overlap the line's height,
     * a word separator when it starts further right than the smaller of half a space and 0.3 of the
     * average character width after the previous glyph's end.
     */
    private void assemble(TextPosition position, String unicode, float positionX, float positionY,
                          float positionWidth, float positionHeight) {
        if (!appendable(unicode)) {
            needsExact = true;
            return;
        }
        if (lastGlyph != null && fontOrSizeChanged(position, lastGlyph)) {
            previousAveCharWidth = -1;
        }
        int wordCharCount = position.getIndividualWidths().length;
        float wordSpacing = position.getWidthOfSpace();
        float deltaSpace;
        if (Float.compare(wordSpacing, 0) == 0 || Float.isNaN(wordSpacing)) {
            deltaSpace = Float.MAX_VALUE;
        } else if (lastWordSpacing < 0) {
            deltaSpace = wordSpacing * getSpacingTolerance();
        } else {
            deltaSpace = (wordSpacing + lastWordSpacing) / 2f * getSpacingTolerance();
        }
        float averageCharWidth = previousAveCharWidth < 0 ? positionWidth / wordCharCount
                : (previousAveCharWidth + positionWidth / wordCharCount) / 2f;
        float deltaCharWidth = averageCharWidth * getAverageCharTolerance();
        float expectedStartOfNextWordX = EXPECTED_START_RESET;
        if (Float.compare(endOfLastTextX, END_OF_LAST_TEXT_X_RESET) != 0) {
            expectedStartOfNextWordX = endOfLastTextX + Math.min(deltaSpace, deltaCharWidth);
        }
        if (lastGlyph != null) {
            if (!overlap(positionY, positionHeight, maxYForLine, maxHeightForLine)) {
                buffer.append(getLineSeparator());
                expectedStartOfNextWordX = EXPECTED_START_RESET;
                maxYForLine = MAX_Y_FOR_LINE_RESET;
                maxHeightForLine = MAX_HEIGHT_FOR_LINE_RESET;
            }
            if (Float.compare(expectedStartOfNextWordX, EXPECTED_START_RESET) != 0
                    && expectedStartOfNextWordX < positionX
                    && !lastGlyph.getUnicode().endsWith(getWordSeparator())) {
                buffer.append(getWordSeparator());
            }
            if (Math.abs(positionX - lastGlyph.getX()) > wordSpacing + deltaSpace) {
                maxYForLine = MAX_Y_FOR_LINE_RESET;
                maxHeightForLine = MAX_HEIGHT_FOR_LINE_RESET;
            }
        }
        if (positionY >= maxYForLine) {
            maxYForLine = positionY;
        }
        endOfLastTextX = positionX + positionWidth;
        append(unicode);
        maxHeightForLine = Math.max(maxHeightForLine, positionHeight);
        lastGlyph = position;
        lastWordSpacing = wordSpacing;
        previousAveCharWidth = averageCharWidth;
    }

    /**
     * Whether PDFBox would write {@code unicode} as it is (after its per-word normalisation): true for text
     * without right-to-left characters, directional controls or presentation forms other than the Latin
     * ligatures, which {@link #append} decomposes as PDFBox does.
     */
    private static boolean appendable(String unicode) {
        for (int i = 0; i < unicode.length(); i++) {
            char c = unicode.charAt(i);
            if (c < 0x0590) {
                continue;
            }
            if (Character.isSurrogate(c) || c >= 0xFB07 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF) {
                return false;
            }
            switch (Character.getDirectionality(c)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
                     Character.DIRECTIONALITY_ARABIC_NUMBER, Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING,
                     Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
                     Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
                     Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE, Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT,
                     Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
                     Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE, Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                     Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE, Character.DIRECTIONALITY_UNDEFINED -> {
                    return false;
                }
                default -> {
                    // neutral or left-to-right: PDFBox leaves it as it is
                }
            }
        }
        return true;
    }

    /** The glyph's text, Latin ligatures (U+FB00-FB06) decomposed as PDFBox's {@code normalizeWord} does. */
    private void append(String unicode) {
        for (int i = 0; i < unicode.length(); i++) {
            char c = unicode.charAt(i);
            if (c >= 0xFB00 && c <= 0xFB06) {
                buffer.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).trim());
            } else {
                buffer.append(c);
            }
        }
    }

    private static boolean overlap(float y1, float height1, float y2, float height2) {
        return within(y1, y2, .1f) || y2 <= y1 && y2 >= y1 - height1 || y1 <= y2 && y1 >= y2 - height2;
    }

    private static boolean within(float first, float second, float variance) {
        return second < first + variance && second > first - variance;
    }

    /** PDFTextStripper's test of whether the average character width starts again. */
    private static boolean fontOrSizeChanged(TextPosition current, TextPosition previous) {
        if (Float.compare(current.getFontSize(), previous.getFontSize()) != 0) {
            return true;
        }
        if (current.getFont() == previous.getFont()) {
            return false;
        }
        String currentFontName = current.getFont().getName();
        String lastFontName = previous.getFont().getName();
        if (currentFontName != null) {
            return !currentFontName.equals(lastFontName);
        }
        if (lastFontName != null) {
            return true;
        }
        return current.getFont().hashCode() != previous.getFont().hashCode();
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
