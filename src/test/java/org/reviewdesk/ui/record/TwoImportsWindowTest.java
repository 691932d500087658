package org.reviewdesk.ui.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestPdfs;
import org.reviewdesk.ui.FxWait;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Files added while other files are still being read: the second import waits behind the first with a Cancel of its
 * own, the bar says so and stays until both are done; a Cancel pressed before the second import began still stops the
 * first (the second used to clear it).
 */
class TwoImportsWindowTest {
    private static final String PASSWORD = "two imports password 1";
    private static final String CASE = "EXAMPLE-0001";

    @TempDir
    Path data;
    @TempDir
    Path in;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = org.reviewdesk.ui.UnlockedWindow.start(data, PASSWORD);
        org.reviewdesk.ui.UnlockedWindow.openCase("#recordPane");
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private List<String> documentIds() throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.reviewdesk.domain.StoredDocument> docs =
                robot.lookup("#documentList").queryAs(javafx.scene.control.ListView.class);
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> docs.getItems().stream()
                .map(d -> d.document().id()).toList()).get();
    }

    @Test
    void aSecondImportWaitsBehindTheFirstAndTheBarStaysUntilBothAreDone() throws Exception {
        Path big = in.resolve("big-scan.pdf");
        TestPdfs.scanned(big, 30);
        // the second a scan too, so that it takes a while after the first ended
        Path small = in.resolve("small-note.pdf");
        TestPdfs.scanned(small, 12);
        RecordPane pane = robot.lookup("#recordPane").queryAs(RecordPane.class);
        robot.interact(() -> {
            pane.addFiles(List.of(big));
            pane.addFiles(List.of(small));
        });
        Label text = robot.lookup("#recordPane").query().lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.getParent() != null
                        && l.getParent().lookup("#importProgress") != null)
                .map(n -> (Label) n).findFirst().orElseThrow();
        AtomicBoolean saidWaiting = new AtomicBoolean();
        AtomicBoolean hiddenEarly = new AtomicBoolean();
        FxWait.until(120, () -> {
            boolean visible = robot.lookup("#importProgress").query().getParent().isVisible();
            List<String> ids = documentIds();
            if (text.getText().contains("1 more import waiting")) {
                saidWaiting.set(true);
            }
            // hidden while the second file's pages are still being stored (its progress still coming in)
            if (!visible && text.getText().matches("small-note\\.pdf \\(1 of 1\\): page \\d+ of 12 stored.*")
                    && !text.getText().contains("page 12 of 12")) {
                hiddenEarly.set(true);
            }
            Thread.sleep(50);
            return ids.contains("big-scan") && ids.contains("small-note") && !visible;
        });
        assertTrue(saidWaiting.get(), "the bar said that a second import waits");
        assertFalse(hiddenEarly.get(), "the bar stayed until the second import was done");
    }

    @Test
    void cancelBeforeASecondImportStillStopsTheFirst() throws Exception {
        Path big = in.resolve("big-scan.pdf");
        TestPdfs.scanned(big, 30);
        Path second = in.resolve("second-scan.pdf");
        TestPdfs.scanned(second, 3);
        Path small = TestPdfs.progressNote(in, "small-note.pdf", 2);
        RecordPane pane = robot.lookup("#recordPane").queryAs(RecordPane.class);
        // Cancel stops an import between its files: the first file is stored whole, the second not begun
        robot.interact(() -> pane.addFiles(List.of(big, second)));
        robot.interact(() -> robot.lookup("#cancelImport").queryAs(Button.class).fire());
        robot.interact(() -> pane.addFiles(List.of(small)));
        FxWait.until(120, () -> documentIds().contains("small-note")
                && !robot.lookup("#importProgress").query().getParent().isVisible());
        assertFalse(documentIds().contains("second-scan"), "the first import was cancelled: " + documentIds());
        assertEquals(1, documentIds().stream().filter("small-note"::equals).count());
    }
}
