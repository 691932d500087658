package org.reviewdesk.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's keystore import and its Verify read the chosen file whole: a multi-GB file chosen by mistake, a FIFO
 * or a folder is refused in one sentence before anything is read.
 */
class SmallFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aFileOfItsKindIsReadWhole() throws Exception {
        Path p = Files.write(tmp.resolve("id.p12"), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, SmallFiles.read(p, "a keystore", SmallFiles.MAX_KEYSTORE_BYTES));
    }

    @Test
    void aFileLargerThanItsKindCanBeIsRefusedUnread() throws Exception {
        Path p = tmp.resolve("movie.p12");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse: 3 GB on paper
        }
        IOException e = assertThrows(IOException.class,
                () -> SmallFiles.read(p, "a keystore", SmallFiles.MAX_KEYSTORE_BYTES));
        assertEquals("movie.p12 is 3,072 MB, larger than a keystore can be (at most 1 MB); is it the right file?",
                e.getMessage());
    }

    @Test
    void aFolderOrAFifoIsRefused() throws Exception {
        IOException folder = assertThrows(IOException.class,
                () -> SmallFiles.read(tmp, "a signed letter", SmallFiles.MAX_VERIFIED_PDF_BYTES));
        assertEquals(tmp.getFileName() + " is not a regular file; choose a signed letter.", folder.getMessage());
        Path fifo = tmp.resolve("pipe.pdf");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        IOException pipe = assertThrows(IOException.class,
                () -> SmallFiles.read(fifo, "a signed letter", SmallFiles.MAX_VERIFIED_PDF_BYTES));
        assertEquals("pipe.pdf is not a regular file; choose a signed letter.", pipe.getMessage());
    }
}
