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
                System.out.println(name + ": " + info.kind() + ", " + info.pageCount() + " pages, " + chars[0]
                        + " characters");
            }
        }
    }
}
