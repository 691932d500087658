package org.reviewdesk.record;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The format of a record file, told from its first bytes; the name is only checked against it. */
enum FileFormat {
    PDF(RecordKind.PDF), TEXT(RecordKind.TEXT), PNG(RecordKind.IMAGE), JPEG(RecordKind.IMAGE), TIFF(RecordKind.IMAGE);

    private static final int TEXT_SAMPLE = 64 * 1024;
    // the PDF standard lets a header follow some junk; readers accept it within the first kilobyte
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final String SUPPORTED = "ReviewDesk reads PDF, plain text, PNG, JPEG and TIFF files";

    private final RecordKind kind;

    FileFormat(RecordKind kind) {
        this.kind = kind;
    }

    RecordKind kind() {
        return kind;
    }

    /** The format of {@code bytes}, or a refusal naming the file when it is empty, misnamed or not readable. */
    static FileFormat detect(String fileName, byte[] bytes) throws RecordFileException {
        if (bytes.length == 0) {
            throw new RecordFileException(fileName, fileName + " is empty (0 bytes): it may not have been copied "
                    + "completely; add the file again from its source");
        }
        FileFormat format = sniff(bytes);
        String ext = extension(fileName);
        if (ext.equals("pdf") && format != PDF) {
            throw new RecordFileException(fileName, fileName + " is named .pdf but is not a PDF file; ask the "
                    + "sender for the document again");
        }
        if (isImageExtension(ext) && (format == null || format.kind != RecordKind.IMAGE)) {
            throw new RecordFileException(fileName, fileName + " is named ." + ext + " but is not a PNG, JPEG or "
                    + "TIFF image; ask the sender for the image again");
        }
        if (format == null) {
            throw new RecordFileException(fileName, fileName + " " + describeUnsupported(bytes) + ". " + SUPPORTED
                    + ": save it as PDF and add it again");
        }
        return format;
    }

    private static FileFormat sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, 0, 'I', 'I', 0x2A, 0x00) || startsWith(b, 0, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if (hasPdfHeader(b)) {
            return PDF;
        }
        if (startsWith(b, 0, '{', '\\', 'r', 't', 'f')) {
            return null; // RTF is text, but its words are buried in markup
        }
        return looksLikeText(b) ? TEXT : null;
    }

    private static boolean hasPdfHeader(byte[] b) {
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        int last = Math.min(b.length - magic.length, PDF_HEADER_WINDOW);
        for (int i = 0; i <= last; i++) {
            if (b[i] == '%' && startsWith(b, i, '%', 'P', 'D', 'F', '-')) {
                return true;
            }
        }
        return false;
    }

    /** Text has no NUL bytes (unless UTF-16 with a byte order mark) and almost no other control bytes. */
    private static boolean looksLikeText(byte[] b) {
        if (startsWith(b, 0, 0xFE, 0xFF) || startsWith(b, 0, 0xFF, 0xFE)) {
            return true;
        }
        int n = Math.min(b.length, TEXT_SAMPLE);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x1A || c == 0x1B;
            if ((c < 0x20 && !allowed) || c == 0x7F) {
                control++;
            }
        }
        return control * 100 <= n; // a stray control byte or two is common in exported notes
    }

    private static String describeUnsupported(byte[] b) {
        if (startsWith(b, 0, 'P', 'K', 0x03, 0x04)) {
            return "is a Word, Excel or ZIP file, which ReviewDesk cannot read";
        }
        if (startsWith(b, 0, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "is an older Word or Excel file, which ReviewDesk cannot read";
        }
        if (startsWith(b, 0, '{', '\\', 'r', 't', 'f')) {
            return "is a Rich Text (RTF) document, which ReviewDesk cannot read";
        }
        if (startsWith(b, 0, 'M', 'Z') || startsWith(b, 0, 0x7F, 'E', 'L', 'F')) {
            return "is a program, not a medical record";
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return "is a GIF image, which ReviewDesk cannot read";
        }
        return "is not a file type ReviewDesk can read";
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length - offset < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return dot > slash ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean isImageExtension(String ext) {
        return switch (ext) {
            case "png", "jpg", "jpeg", "tif", "tiff" -> true;
            default -> false;
        };
    }
}
