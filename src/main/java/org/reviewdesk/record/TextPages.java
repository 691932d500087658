package org.reviewdesk.record;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Pages of a plain-text record: one per form feed, else one per 60 lines; decoded as it goes. */
final class TextPages {
    static final int LINES_PER_PAGE = 60;
    // Windows notes that are not valid UTF-8 are almost always in the Windows Western code page
    private static final Charset FALLBACK = Charset.forName("windows-1252");
    private static final int BUFFER = 8192;

    private TextPages() {
    }

    /** Called with each page's text as it is complete; the builder is reused for the next page. */
    interface PageHandler {
        void page(int pageNumber, StringBuilder text);
    }

    static int count(byte[] bytes) {
        int[] n = {0};
        read(bytes, (p, t) -> n[0] = p, () -> false);
        return n[0];
    }

    static String firstPage(byte[] bytes) {
        StringBuilder first = new StringBuilder();
        read(bytes, (p, t) -> {
            if (p == 1) {
                first.append(t);
            }
        }, () -> false);
        return first.toString();
    }

    /** Decodes the bytes in small steps and hands over each page, so only one page's text is held at a time. */
    static void read(byte[] bytes, PageHandler handler, BooleanSupplier cancelled) {
        Charset charset = charsetOf(bytes);
        int bom = bomLength(bytes, charset);
        boolean formFeeds = containsFormFeed(bytes, charset);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(bytes, bom, bytes.length - bom);
        CharBuffer out = CharBuffer.allocate(BUFFER);
        Pager pager = new Pager(handler, formFeeds);
        boolean done = false;
        while (!done) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("reading was cancelled");
            }
            CoderResult r = decoder.decode(in, out, true);
            done = r.isUnderflow() && decoder.flush(out).isUnderflow();
            out.flip();
            pager.accept(out);
            out.clear();
        }
        pager.finish();
    }

    static Charset charsetOf(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return isValidUtf8(b) ? StandardCharsets.UTF_8 : FALLBACK;
    }

    private static int bomLength(byte[] b, Charset charset) {
        if (charset == StandardCharsets.UTF_16BE || charset == StandardCharsets.UTF_16LE) {
            return 2;
        }
        boolean utf8Bom = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        return charset == StandardCharsets.UTF_8 && utf8Bom ? 3 : 0;
    }

    /** Checks the whole file in small steps, without keeping the decoded text. */
    private static boolean isValidUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(BUFFER);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                return false;
            }
            out.clear();
            if (r.isUnderflow()) {
                return d.flush(out).isUnderflow();
            }
        }
    }

    private static boolean containsFormFeed(byte[] b, Charset charset) {
        if (charset == StandardCharsets.UTF_16BE || charset == StandardCharsets.UTF_16LE) {
            int low = charset == StandardCharsets.UTF_16BE ? 1 : 0;
            for (int i = 2; i + 1 < b.length; i += 2) {
                if (b[i + low] == '\f' && b[i + 1 - low] == 0) {
                    return true;
                }
            }
            return false;
        }
        for (byte x : b) {
            if (x == '\f') {
                return true;
            }
        }
        return false;
    }

    /** Cuts decoded characters into pages and normalises line ends to {@code \n}. */
    private static final class Pager {
        private final PageHandler handler;
        private final boolean byFormFeed;
        private final StringBuilder page = new StringBuilder();
        private int pageNumber;
        private int lines;
        private boolean afterCr;

        Pager(PageHandler handler, boolean byFormFeed) {
            this.handler = handler;
            this.byFormFeed = byFormFeed;
        }

        void accept(CharBuffer chars) {
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n' && afterCr) {
                    afterCr = false;
                    continue; // the \n of a \r\n pair was already counted
                }
                afterCr = c == '\r';
                if (c == '\f' && byFormFeed) {
                    emit();
                } else if (c == '\n' || c == '\r') {
                    page.append('\n');
                    if (!byFormFeed && ++lines == LINES_PER_PAGE) {
                        emit();
                    }
                } else {
                    page.append(c);
                    if (page.length() >= Limits.MAX_PAGE_CHARS) {
                        emit(); // a file without line breaks must not become one huge page
                    }
                }
            }
        }

        void finish() {
            // text after the last page break counts as a page only if it has something in it
            if (pageNumber == 0 || !page.toString().isBlank()) {
                emit();
            }
        }

        private void emit() {
            handler.page(++pageNumber, page);
            page.setLength(0);
            lines = 0;
        }
    }
}
