package org.reviewdesk.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GTK's file dialogs add each file picked to {@code recently-used.xbel} in plain text; a record named after its
 * patient would stay there. The picked files are taken out, every other bookmark stays byte for byte.
 */
class RecentlyUsedTest {
    @TempDir
    Path tmp;

    private static String bookmark(String href, String app) {
        return "  <bookmark href=\"" + href + "\" added=\"2026-12-02T16:11:42.225684Z\" modified=\"2026-12-02T16:11:42"
                + ".225691Z\" visited=\"2026-12-02T16:11:42.225686Z\">\n    <info>\n      <metadata owner=\"http://"
                + "freedesktop.org\">\n        <mime:mime-type type=\"application/pdf\"/>\n        <bookmark:applications>\n"
                + "          <bookmark:application name=\"" + app + "\" exec=\"&apos;" + app + " %u&apos;\" modified=\""
                + "2026-12-02T16:11:42.225689Z\" count=\"1\"/>\n        </bookmark:applications>\n      </metadata>\n"
                + "    </info>\n  </bookmark>\n";
    }

    @Test
    void thePickedFilesAreTakenOutAndNothingElse() throws Exception {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xbel version=\"1.0\"\n      xmlns:bookmark=\"http://www"
                + ".freedesktop.org/standards/desktop-bookmarks\"\n      xmlns:mime=\"http://www.freedesktop.org/standards/"
                + "shared-mime-info\"\n>\n";
        String other = bookmark("file:///home/r/Documents/holiday.pdf", "evince");
        String spreadsheet = bookmark("file:///home/r/Jane%20Doe%20budget.ods", "libreoffice");
        String picked = bookmark("file:///home/r/Downloads/Jane%20Doe%20MRI%20report%20%26%20notes.pdf", "java");
        String saved = bookmark("file:///home/r/letters/CM15-0123456.pdf", "java");
        Path xbel = tmp.resolve("recently-used.xbel");
        Files.writeString(xbel, head + other + picked + spreadsheet + saved + "</xbel>", StandardCharsets.UTF_8);

        int removed = RecentlyUsed.forget(xbel, List.of(Path.of("/home/r/Downloads/Jane Doe MRI report & notes.pdf"),
                Path.of("/home/r/letters/../letters/CM15-0123456.pdf"), Path.of("/home/r/never-picked.pdf")));

        assertEquals(2, removed);
        assertEquals(head + other + spreadsheet + "</xbel>", Files.readString(xbel, StandardCharsets.UTF_8));
        assertEquals(0, RecentlyUsed.forget(xbel, List.of(Path.of("/home/r/never-picked.pdf"))), "nothing to take out");
        assertEquals(0, RecentlyUsed.forget(tmp.resolve("none.xbel"), List.of(Path.of("/x"))), "no list, no change");
    }
}
