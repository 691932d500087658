package org.reviewdesk.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.reviewdesk.files.Escape;

/** Input files the command line reads: they must exist and be regular files (not a FIFO or a device). */
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
}
