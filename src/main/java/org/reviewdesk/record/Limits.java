package org.reviewdesk.record;

/** The sizes past which a record file is refused: far beyond any real record, short of exhausting memory. */
final class Limits {
    static final int MAX_PAGES = 20_000;
    static final int MAX_FRAMES = 5_000;
    static final long MAX_PIXELS = 100_000_000L;
    // a rendered PDF page is 4 bytes a pixel: 25 million pixels are 100 MB, a tabloid page at 300 dpi is 17 million;
    // larger pages (a drawing, a hostile MediaBox) are rendered at a lower resolution instead of exhausting the heap
    static final long MAX_RENDER_PIXELS = 25_000_000L;
    static final int MAX_SIDE = 30_000;
    // a typed page holds a few thousand characters; a longer "page" is a file without line breaks
    static final int MAX_PAGE_CHARS = 100_000;

    private Limits() {
    }

    static RecordFileException tooManyPages(String fileName, int pages) {
        return new RecordFileException(fileName, fileName + " has " + pages + " pages, more than the " + MAX_PAGES
                + " ReviewDesk reads in one file; split it into smaller files");
    }
}
