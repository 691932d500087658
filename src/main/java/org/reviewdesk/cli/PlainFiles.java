package org.reviewdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.reviewdesk.files.Escape;

/**
 * Input files the command line reads: they must exist and be regular files (not a FIFO, which would wait for a
 * writer for ever, or a device), and the small ones it reads whole must be of a size their kind can have.
 */
final class PlainFiles {
    private PlainFiles() {
    }

    static void requireRegular(Path p, String what) throws CliException {
        if (!Files.exists(p)) {
            throw new CliException("no such file: " + Escape.controls(p.toString()));
        }
        if (!Files.isRegularFile(p)) {
            throw new CliException(Escape.controls(p.toString()) + " is not a regular file (a folder, FIFO or "
                    + "device); " + what + " must be a file");
        }
        if (Files.isSymbolicLink(p) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(p.toAbsolutePath().normalize())) {
            throw new CliException(Escape.controls(p.toString()) + " is a link to something that is not a file");
        }
    }

    /** A certificate (.pem, .cer, .crt): a few KB; a chain of them stays far below this. */
    static final long MAX_CERTIFICATE_BYTES = 1024 * 1024;
    /** A PKCS#12 keystore: a few KB. */
    static final long MAX_KEYSTORE_BYTES = org.reviewdesk.files.SmallFiles.MAX_KEYSTORE_BYTES;
    /** A PDF whose signatures are checked: a signed letter is well under 1 MB. */
    static final long MAX_VERIFIED_PDF_BYTES = org.reviewdesk.files.SmallFiles.MAX_VERIFIED_PDF_BYTES;

    /**
     * The bytes of {@code p}, {@code what} it must be ("the certificate"), refused with one line when it is not a
     * regular file or is larger than {@code maxBytes} (it was read whole: a file larger than the heap ended the
     * command with an OutOfMemoryError and a stack trace; a FIFO made it wait for ever).
     */
    static byte[] read(Path p, String what, long maxBytes) throws CliException, IOException {
        requireRegular(p, what);
        long size = Files.size(p);
        if (size > maxBytes) {
            throw new CliException(Escape.controls(p.toString()) + " is " + megabytes(size) + ", larger than "
                    + what + " can be (at most " + megabytes(maxBytes) + "); is it the right file?");
        }
        return Files.readAllBytes(p);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,d MB", Math.max(1, (bytes + 512 * 1024) / (1024 * 1024)));
    }
}
