package org.reviewdesk.record;

import javax.imageio.ImageIO;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;

/** Keeps PDFBox and ImageIO from writing scratch files: record content must never reach disk in plain text. */
final class MemoryOnly {
    static {
        // ImageIO caches streams in java.io.tmpdir by default, and PDFBox decodes JPEG images through ImageIO
        ImageIO.setUseCache(false);
    }

    private MemoryOnly() {
    }

    /** Makes sure the ImageIO setting above is in force; call before any ImageIO or PDFBox work. */
    static void ensure() {
        // loading this class runs the static block; nothing more to do
    }

    /** The PDFBox stream cache for documents we open: main memory only, no temporary files. */
    static StreamCacheCreateFunction streamCache() {
        return IOUtils.createMemoryOnlyStreamCache();
    }
}
