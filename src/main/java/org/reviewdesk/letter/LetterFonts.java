package org.reviewdesk.letter;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The letter's fonts, shipped in the jar: Liberation Serif and Sans, metric twins of the Times New
 * Roman and Arial of the real letters (SIL Open Font License). Embedded in every letter for PDF/A.
 */
public final class LetterFonts {
    public static final String SERIF = "LiberationSerif-Regular.ttf";
    public static final String SERIF_BOLD = "LiberationSerif-Bold.ttf";
    public static final String SANS = "LiberationSans-Regular.ttf";
    public static final String SANS_BOLD = "LiberationSans-Bold.ttf";

    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

    private LetterFonts() {
    }

    /** The bytes of a bundled font, read once. */
    public static byte[] bytes(String name) {
        return BYTES.computeIfAbsent(name, n -> {
            try (InputStream in = LetterFonts.class.getResourceAsStream("fonts/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("The font " + n + " is missing from the application");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A new embedded, subset font for one document (iText fonts belong to one document). */
    static PdfFont font(String name) {
        try {
            return PdfFontFactory.createFont(bytes(name), PdfEncodings.IDENTITY_H,
                    PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
