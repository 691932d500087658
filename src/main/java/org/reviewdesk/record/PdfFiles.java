package org.reviewdesk.record;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Opens PDF records (from memory, or a large one a block at a time) and turns PDFBox's failures into messages a reviewer can act on. */
final class PdfFiles {
    // readers look for the end-of-file marker this close to the end; a file cut off in transfer lacks it
    private static final int EOF_WINDOW = 1024;
    // what is read of a large file's end to find the marker: the window and generous padding
    private static final int TAIL = 64 * 1024;

    static {
        MemoryOnly.ensure();
    }

    private PdfFiles() {
    }

    /** Opens a PDF, refusing truncated, damaged, password-protected and oversized files. */
    static PDDocument open(String fileName, byte[] bytes) throws RecordFileException {
        return open(fileName, RecordSource.of(bytes));
    }

    /** As {@link #open(String, byte[])}, wherever the content is (a large PDF is read a block at a time). */
    static PDDocument open(String fileName, RecordSource content) throws RecordFileException {
        byte[] tail;
        try {
            tail = content.tail(TAIL);
        } catch (IOException e) {
            throw damaged(fileName, e);
        }
        if (!hasEndMarker(tail)) {
            throw damaged(fileName, null);
        }
        PDDocument doc = load(fileName, content);
        try {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                // a whole PDF can hold no page (a failed scan or print): "damaged ... cut off" would mislead
                throw new RecordFileException(fileName, fileName + " has no pages; ask the sender for the file "
                        + "again");
            }
            if (pages > Limits.MAX_PAGES) {
                throw Limits.tooManyPages(fileName, pages);
            }
            return doc;
        } catch (RecordFileException | RuntimeException e) {
            closeQuietly(doc);
            throw e;
        }
    }

    /**
     * Loads a PDF held in memory, with no scratch files. An empty user password opens files that are only
     * restricted (no copying, no changes), as public IMR letters are; files that need a password are refused.
     */
    static PDDocument load(String fileName, byte[] bytes) throws RecordFileException {
        return load(fileName, RecordSource.of(bytes));
    }

    static PDDocument load(String fileName, RecordSource content) throws RecordFileException {
        org.apache.pdfbox.io.RandomAccessRead source = null;
        boolean loaded = false;
        try {
            source = content.open();
            // the document closes the reader when it is closed
            PDDocument doc = Loader.loadPDF(source, "", null, null, MemoryOnly.streamCache());
            loaded = true;
            return doc;
        } catch (InvalidPasswordException e) {
            throw new RecordFileException(fileName, fileName + " is protected by a password; remove the "
                    + "protection and add it again", e);
        } catch (IOException | RuntimeException e) {
            if (isUnsupportedEncryption(e)) {
                throw new RecordFileException(fileName, fileName + " is protected by a password or a "
                        + "certificate; remove the protection and add it again", e);
            }
            throw damaged(fileName, e);
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw tooComplex(fileName, e);
        } finally {
            if (!loaded && source != null) {
                org.apache.pdfbox.io.IOUtils.closeQuietly(source);
            }
        }
    }

    static RecordFileException damaged(String fileName, Throwable cause) {
        return new RecordFileException(fileName, fileName + " is damaged or incomplete and cannot be read (it "
                + "may have been cut off while downloading or copying); ask the sender for the file again", cause);
    }

    /**
     * A PDF whose reading ran out of memory or stack (millions of nested drawing states, a bomb of a stream):
     * no real record needs that. The failed allocation or the unwound recursion left nothing behind.
     */
    static RecordFileException tooComplex(String fileName, Throwable cause) {
        return new RecordFileException(fileName, fileName + " is too complex to read (its pages need more memory "
                + "than any record does); ask the sender for the file again, printed to a new PDF", cause);
    }

    /** A PDF that opened but whose pages {@code from..to} could not be read. */
    static RecordFileException unreadable(String fileName, int from, int to, Throwable cause) {
        String pages = from == to ? "page " + from : "pages " + from + " to " + to;
        return new RecordFileException(fileName, fileName + " could not be read at " + pages + ": the file may be "
                + "damaged; ask the sender for the file again", cause);
    }

    static void closeQuietly(PDDocument doc) {
        try {
            doc.close();
        } catch (IOException ignored) {
            // nothing was written; closing only releases memory
        }
    }

    private static boolean hasEndMarker(byte[] b) {
        int end = b.length;
        // some producers pad the end with blanks or zero bytes
        while (end > 0 && (b[end - 1] == 0 || Character.isWhitespace(b[end - 1]))) {
            end--;
        }
        for (int i = end - 5; i >= Math.max(0, end - EOF_WINDOW); i--) {
            if (b[i] == '%' && b[i + 1] == '%' && b[i + 2] == 'E' && b[i + 3] == 'O' && b[i + 4] == 'F') { // %%EOF
                return true;
            }
        }
        return false;
    }

    private static boolean isUnsupportedEncryption(Throwable e) {
        // PDFBox names public-key (certificate) security in its message; there is no dedicated type
        String m = String.valueOf(e.getMessage());
        return m.contains("security handler") || m.contains("keystore") || m.contains("PublicKey");
    }
}
