package org.reviewdesk.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Files the window reads whole that are small by nature (a keystore, a signed letter to check): refused with one
 * sentence when they are not a regular file or larger than such a file can be. Read whole, a multi-GB file chosen
 * by mistake filled the heap; a FIFO made the read wait for ever.
 */
public final class SmallFiles {
    /** A PKCS#12 keystore: a few KB. */
    public static final long MAX_KEYSTORE_BYTES = 1024 * 1024;
    /** A PDF whose signatures are checked: a signed letter is well under 1 MB. */
    public static final long MAX_VERIFIED_PDF_BYTES = 100L * 1024 * 1024;

    private SmallFiles() {
    }

    /** The bytes of {@code p}, which must be {@code what} ("a keystore"); at most {@code maxBytes}. */
    public static byte[] read(Path p, String what, long maxBytes) throws IOException {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p)) {
            throw new IOException(p.getFileName() + " is not a regular file; choose " + what + ".");
        }
        long size = Files.size(p);
        if (size > maxBytes) {
            throw new IOException(tooLarge(p, size, what, maxBytes));
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                // it grew while being read
                throw new IOException(tooLarge(p, bytes.length, what, maxBytes));
            }
            return bytes;
        }
    }

    private static String tooLarge(Path p, long size, String what, long maxBytes) {
        return p.getFileName() + " is " + megabytes(size) + ", larger than " + what + " can be (at most "
                + megabytes(maxBytes) + "); is it the right file?";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, (bytes + 512 * 1024) / (1024 * 1024)));
    }
}
