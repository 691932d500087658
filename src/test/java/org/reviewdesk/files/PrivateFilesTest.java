package org.reviewdesk.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aFileIsWrittenWholeAndNoTemporaryFileStays() throws Exception {
        Path out = tmp.resolve("letter.pdf");
        PrivateFiles.writeAtomically(out, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aMissingFolderOrAFolderAsTheTargetIsToldAboutThePathAskedFor() throws Exception {
        // --out /no/such/folder/letter.pdf and --out SOME-FOLDER: the messages named ".letter.pdf.tmp" with no reason
        Path missing = tmp.resolve("no-such-folder").resolve("letter.pdf");
        String m = PrivateFiles.describe(assertThrows(IOException.class,
                () -> PrivateFiles.writeAtomically(missing, new byte[] {1})));
        assertTrue(m.startsWith(missing + ": the folder ") && m.endsWith(" does not exist"), m);

        Path folder = Files.createDirectories(tmp.resolve("drafts"));
        m = PrivateFiles.describe(assertThrows(IOException.class,
                () -> PrivateFiles.writeAtomically(folder, new byte[] {1})));
        assertTrue(m.startsWith(folder + ": is a folder"), m);
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "nothing written beside the folder");
        }
    }
}
