package org.reviewdesk.exchange;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle that unpacks to more than the limit in all (a zip bomb: a small file of zeros that inflates without end) is
 * refused while it is read, with a message and without filling the heap: records are hashed as they are read, not
 * kept. Before, every entry was unpacked into memory before any check, and the import ended in an OutOfMemoryError.
 */
class ArchiveBundleLimitsTest {
    @TempDir
    Path tmp;

    private Path bomb(long zeros) throws Exception {
        Path p = tmp.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write("{}".getBytes());
            z.closeEntry();
            z.putNextEntry(new ZipEntry("records/zeros.pdf"));
            byte[] block = new byte[1 << 20];
            for (long n = 0; n < zeros; n += block.length) {
                z.write(block);
            }
            z.closeEntry();
        }
        return p;
    }

    @Test
    void aBundleThatUnpacksToMoreThanTheLimitIsRefusedAsItIsRead() throws Exception {
        Path p = bomb(64L << 20);
        assertTrue(Files.size(p) < 1 << 20, "a small file");
        PacketLimits small = new PacketLimits(100, 16L << 20, 1L << 20);
        CaseFormatException e = assertThrows(CaseFormatException.class, () -> ArchiveBundle.read(p, null, small));
        assertTrue(e.getMessage().contains("unpacks to more than 16 MB in all"), e.getMessage());
    }
}
