package org.reviewdesk.record;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports and shows the given record files, the way the app will: inspect, read every page, render up to
 * two pages. Run in a fresh JVM by {@link NoScratchFilesTest}, with {@code java.io.tmpdir} set to a watched folder.
 */
public final class ScratchFreeImport {
    private ScratchFreeImport() {
    }

    public static void main(String[] args) throws Exception {
        try (PageImages images = new PageImages()) {
            for (String arg : args) {
                Path file = Path.of(arg);
                byte[] bytes = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                RecordInfo info = RecordReader.inspect(name, bytes);
                long[] chars = {0};
                RecordReader.readPages(name, bytes, p -> chars[0] += p.text().length(), ProgressListener.NONE,
                        () -> false);
                if (info.kind() != RecordKind.TEXT) {
                    RecordFile record = new RecordFile(name, name, bytes);
                    images.page(record, 1, 96);
                    images.prefetch(record, Math.min(2, info.pageCount()), 96).get();
                }
                if (name.startsWith("scanned")) {
                    // OCR (issue 11): page images go to Tesseract in memory, its language data too
                    int[] read = {0};
                    org.reviewdesk.record.ocr.PageOcr.run(name, bytes, java.util.List.of(1), 1, () -> false,
                            r -> read[0] += r.ocr() == null ? 0 : r.ocr().words().size());
                    System.out.println(name + ": OCR read " + read[0] + " words");
                }
                System.out.println(name + ": " + info.kind() + ", " + info.pageCount() + " pages, " + chars[0]
                        + " characters");
            }
        }
    }
}
