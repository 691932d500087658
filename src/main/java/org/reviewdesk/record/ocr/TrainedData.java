package org.reviewdesk.record.ocr;

import java.io.IOException;
import java.io.InputStream;
import org.bytedeco.javacpp.BytePointer;

/**
 * The English trained data shipped inside the application (tessdata "fast" model, Apache-2.0, the file
 * {@code eng.traineddata} that tess4j 5.13.0 and Debian's tesseract-ocr-eng also carry). It is handed to
 * Tesseract from memory: nothing is unpacked to disk.
 */
final class TrainedData {
    private static final String RESOURCE = "tessdata/eng.traineddata";
    private static BytePointer english;

    private TrainedData() {
    }

    /** The trained data in native memory, loaded once and kept for the life of the process. */
    static synchronized BytePointer english() {
        if (english == null) {
            try (InputStream in = TrainedData.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The OCR language data " + RESOURCE + " is missing from the "
                            + "application");
                }
                byte[] bytes = in.readAllBytes();
                BytePointer p = new BytePointer(bytes.length);
                p.put(bytes, 0, bytes.length);
                p.limit(bytes.length);
                english = p;
            } catch (IOException e) {
                throw new IllegalStateException("The OCR language data could not be read: " + e.getMessage(), e);
            }
        }
        return english;
    }
}
