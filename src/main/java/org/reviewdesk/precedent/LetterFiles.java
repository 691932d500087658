package org.reviewdesk.precedent;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.reviewdesk.record.RecordFileException;
import org.reviewdesk.record.RecordReader;

/** Reads a determination letter file held in memory (PDF with a text layer, or plain text) into a precedent. */
public final class LetterFiles {
    private LetterFiles() {
    }

    /** Whether a file name looks like a letter this reader takes (for folder imports). */
    public static boolean isLetterFile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".pdf") || n.endsWith(".txt");
    }

    public static Precedent read(String fileName, byte[] bytes) throws LetterParseException {
        return LetterParser.parse(fileName, text(fileName, bytes));
    }

    /** The letter's text: the PDF's text layer through the record reader (memory only), or the text file. */
    static String text(String fileName, byte[] bytes) throws LetterParseException {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".txt")) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        StringBuilder sb = new StringBuilder();
        try {
            RecordReader.readPages(fileName, bytes, page -> sb.append(page.text()).append("\n\n"), (done, total) -> {
            }, () -> false);
        } catch (RecordFileException e) {
            throw new LetterParseException(fileName, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LetterParseException(fileName, "reading was interrupted", e);
        }
        if (sb.toString().isBlank()) {
            throw new LetterParseException(fileName, "the file has no text layer (a scan?): nothing to read");
        }
        return sb.toString();
    }
}
