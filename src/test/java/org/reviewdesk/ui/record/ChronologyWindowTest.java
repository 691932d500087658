package org.reviewdesk.ui.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.record.TestRecords;
import org.reviewdesk.record.ocr.ScannedPackets;
import org.reviewdesk.service.RecordService.ChronologyEntry;
import org.reviewdesk.service.RecordService.DuplicatePage;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chronology in the real window (issue 11): a packet of three documents glued out of date order, with one page
 * faxed twice, is listed oldest first; the reviewer merges a document with the next, splits it again at the page
 * shown, corrects a document's date and author, and compares the duplicate page side by side with the page it
 * repeats. Every change is checked in the store after the window is closed. The packet has a text layer, so no OCR
 * is needed (the scanned path is {@link ScannedRecordWindowTest}); the split and the duplicates come from the
 * pages' text either way.
 */
class ChronologyWindowTest {
    private static final String PASSWORD = "chronology password 1";
    private static final String CASE = "EXAMPLE-0001";
    private static final String DOC = "packet";

    @TempDir
    Path data;
    @TempDir
    Path in;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void startWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopWindow() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private <T extends javafx.scene.Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.reviewdesk.ui.FxWait.until(30, condition);
    }

    /** Progress note (pp. 1-3, 3/14/2015), PT note (pp. 4-5, 1/19/2015), MRI (pp. 6-7, 11/2/2014), page 4 again. */
    private static byte[] packet() throws Exception {
        List<List<String>> pages = new ArrayList<>();
        for (ScannedPackets.Doc d : ScannedPackets.threeDocuments()) {
            for (ScannedPackets.Page p : d.pages()) {
                pages.add(p.lines());
            }
        }
        pages.add(pages.get(3));
        return TestRecords.pdf(pages);
    }

    @SuppressWarnings("unchecked")
    private ListView<ChronologyEntry> chronology() {
        return node("#chronologyList", ListView.class);
    }

    private List<ChronologyEntry> mine() {
        return chronology().getItems().stream().filter(e -> e.documentId().equals(DOC)).toList();
    }

    private static List<String> ranges(List<ChronologyEntry> entries) {
        return entries.stream().map(e -> e.firstPage() + "-" + e.lastPage()).toList();
    }

    private ListCell<?> cell(Predicate<ChronologyEntry> which) {
        return chronology().lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.getItem() instanceof ChronologyEntry e && which.test(e))
                .map(n -> (ListCell<?>) n).findFirst().orElseThrow();
    }

    /** Selects a document of the chronology and presses one of the buttons for it. */
    private void act(Predicate<ChronologyEntry> which, String button) throws Exception {
        // the list is read again now and then (a cell may show another document by the time it is clicked)
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> chronology().getItems().stream().filter(which).findFirst()
                    .ifPresent(e -> chronology().scrollTo(e)));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(robot.point(cell(which)).atPosition(javafx.geometry.Pos.TOP_LEFT)
                    .atOffset(new javafx.geometry.Point2D(12, 10)));
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            ChronologyEntry selected = chronology().getSelectionModel().getSelectedItem();
            if (selected != null && which.test(selected)) {
                break;
            }
        }
        assertTrue(which.test(chronology().getSelectionModel().getSelectedItem()), () -> "selected "
                + chronology().getSelectionModel().getSelectedItem() + " of " + chronology().getItems() + "; cell at "
                + cell(which).localToScreen(cell(which).getBoundsInLocal()) + " in window "
                + robot.window(0).getWidth() + "x" + robot.window(0).getHeight() + " on screen "
                + javafx.stage.Screen.getPrimary().getBounds());
        robot.clickOn(button);
    }

    @Test
    void theReviewerMergesSplitsCorrectsAndComparesDuplicates() throws Exception {
        Path file = Files.write(in.resolve("packet.pdf"), packet());
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            var added = w.records().addFiles(CASE, List.of(file), (n, i, c, d, t) -> { }, () -> false);
            assertTrue(added.get(0).added(), added.toString());
        }
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.clickOn("#password").write(PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<Object> table = node("#caseTable", TableView.class);
        for (int i = 0; i < 3 && robot.lookup("#recordPane").tryQuery().isEmpty(); i++) {
            robot.interact(() -> {
                table.getSelectionModel().select(0);
                table.requestFocus();
            });
            robot.type(KeyCode.ENTER); // the case list opens the selected case
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#recordPane").tryQuery()
                        .isPresent());
            } catch (java.util.concurrent.TimeoutException e) {
                // tried again
            }
        }
        waitUntil(() -> robot.lookup("#recordPane").tryQuery().isPresent());
        robot.clickOn("#chronologyTab");
        waitUntil(() -> mine().size() >= 3);

        // oldest first: the MRI, the PT note, the progress note, though the packet has them the other way round
        List<ChronologyEntry> entries = mine();
        assertEquals(List.of(LocalDate.of(2014, 11, 2), LocalDate.of(2015, 1, 19), LocalDate.of(2015, 3, 14)),
                entries.stream().map(ChronologyEntry::date).distinct().toList());
        // the three documents in date order (the page faxed twice, p. 8, is listed on its own, by its date)
        assertEquals(List.of("6-7", "4-5", "1-3"), ranges(entries).stream().filter(r -> !r.equals("8-8")).toList());
        assertTrue(ranges(entries).contains("8-8"), ranges(entries).toString());
        for (int i = 1; i < chronology().getItems().size(); i++) {
            LocalDate a = chronology().getItems().get(i - 1).date();
            LocalDate b = chronology().getItems().get(i).date();
            assertTrue(a == null ? b == null : b == null || !b.isBefore(a), "date order");
        }
        // the page faxed twice is a duplicate of page 4, and the list says so
        waitUntil(() -> "Show 1 duplicate page".equals(node("#showDuplicates", javafx.scene.control.CheckBox.class)
                .getText()));
        screenshot("chronology-list");

        // merge the PT note (pp. 4-5) with the next document of the file (the MRI, pp. 6-7)
        act(e -> e.documentId().equals(DOC) && e.firstPage() == 4, "#chronologyMerge");
        waitUntil(() -> ranges(mine()).contains("4-7"));
        ChronologyEntry merged = mine().stream().filter(e -> e.firstPage() == 4).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2015, 1, 19), merged.date());
        assertTrue(merged.corrected());
        assertTrue(cell(e -> e.documentId().equals(DOC) && e.firstPage() == 4).lookupAll(".label").stream()
                .anyMatch(n -> ((Label) n).getText().endsWith("pp. 4–7 · corrected")));

        // split it again where the MRI starts: open the document, go to page 6, Split here
        robot.clickOn(cell(e -> e.documentId().equals(DOC) && e.firstPage() == 4)); // a click opens it
        waitUntil(() -> node("#pageLabel", Label.class).getText().equals("Page 4 of 8"));
        robot.clickOn("#nextPage");
        waitUntil(() -> node("#pageLabel", Label.class).getText().equals("Page 5 of 8"));
        robot.clickOn("#nextPage");
        waitUntil(() -> node("#pageLabel", Label.class).getText().equals("Page 6 of 8"));
        assertEquals(4, chronology().getSelectionModel().getSelectedItem().firstPage());
        robot.clickOn("#chronologySplit"); // on the selected document, at the page shown
        waitUntil(() -> ranges(mine()).contains("4-5") && ranges(mine()).contains("6-7"));
        ChronologyEntry mri = mine().stream().filter(e -> e.firstPage() == 6).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2014, 11, 2), mri.date(), "the new document's date is read from its first page");
        assertEquals(DocumentKind.IMAGING_REPORT, mri.kind());

        // correct the progress note's date and author
        act(e -> e.documentId().equals(DOC) && e.firstPage() == 1, "#chronologyCorrect");
        waitUntil(() -> robot.lookup("#documentDetails").tryQuery().isPresent());
        DatePicker date = node("#docDate", DatePicker.class);
        robot.interact(() -> date.setValue(LocalDate.of(2015, 3, 16)));
        robot.doubleClickOn("#docAuthor").eraseText(40).write("Dr. Alan Reyes (corrected)");
        robot.clickOn("OK");
        try {
            waitUntil(() -> mine().stream().anyMatch(e -> e.firstPage() == 1
                    && LocalDate.of(2015, 3, 16).equals(e.date())));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not corrected: " + mine() + "; dialog open: "
                    + robot.lookup("#documentDetails").tryQuery().isPresent());
        }

        // compare the duplicate page with the page it repeats
        act(e -> e.documentId().equals(DOC) && e.firstPage() <= 8 && e.lastPage() >= 8, "#chronologyCompare");
        waitUntil(() -> robot.lookup("#duplicateCompare").tryQuery().isPresent());
        var dialog = node("#duplicateCompare", javafx.scene.control.DialogPane.class);
        @SuppressWarnings("unchecked")
        ListView<DuplicatePage> dups = (ListView<DuplicatePage>) dialog.lookup(".list-view");
        assertEquals(1, dups.getItems().size());
        assertEquals(8, dups.getItems().get(0).page());
        assertEquals(4, dups.getItems().get(0).originalPage());
        List<ImageView> images = dialog.lookupAll(".image-view").stream().map(n -> (ImageView) n).toList();
        assertEquals(2, images.size());
        waitUntil(() -> images.stream().allMatch(v -> v.getImage() != null));
        assertTrue(dialog.lookupAll(".label").stream().anyMatch(n -> "Page 4 (kept)".equals(((Label) n).getText())));
        assertTrue(dialog.lookupAll(".label").stream().anyMatch(n -> "Page 8 (duplicate)"
                .equals(((Label) n).getText())));
        screenshot("duplicate-compare");
        robot.clickOn(dialog.lookupButton(javafx.scene.control.ButtonType.CLOSE));
        waitUntil(() -> robot.lookup("#duplicateCompare").tryQuery().isEmpty());

        FxToolkit.cleanupApplication(app);
        app = null;
        try (Workbench w = Workbench.open(data, PASSWORD.toCharArray())) {
            List<ChronologyEntry> stored = w.records().chronology(CASE).stream()
                    .filter(e -> e.documentId().equals(DOC)).toList();
            assertTrue(ranges(stored).containsAll(List.of("1-3", "4-5", "6-7")), ranges(stored).toString());
            ChronologyEntry note = stored.stream().filter(e -> e.firstPage() == 1).findFirst().orElseThrow();
            assertEquals(LocalDate.of(2015, 3, 16), note.date());
            assertEquals("Dr. Alan Reyes (corrected)", note.author());
            assertTrue(note.corrected());
            assertNotNull(w.records().duplicates(CASE).stream().filter(d -> d.documentId().equals(DOC)
                    && d.page() == 8 && d.originalPage() == 4).findFirst().orElse(null));
            // the corrected split is kept when the file is analysed again (e.g. after OCR)
            w.records().analyze(CASE, DOC);
            assertEquals(ranges(stored), ranges(w.records().chronology(CASE).stream()
                    .filter(e -> e.documentId().equals(DOC)).toList()));
        }
    }

    /** With -Dreviewdesk.screenshots=DIR: the window at 1280x800 and 1920x1080 (dialogs: their own window too). */
    private void screenshot(String name) {
        String dir = System.getProperty("reviewdesk.screenshots");
        if (dir == null) {
            return;
        }
        javafx.stage.Window window = robot.listTargetWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && s.getOwner() == null && s.isShowing())
                .findFirst().orElseThrow();
        double w0 = window.getWidth();
        double h0 = window.getHeight();
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            robot.interact(() -> {
                window.setWidth(size[0]);
                window.setHeight(size[1]);
            });
            WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            for (javafx.stage.Window shown : robot.listTargetWindows()) {
                if (shown.isShowing() && shown.getScene() != null && (shown == window
                        || shown instanceof javafx.stage.Stage)) {
                    snapshot(shown, dir, name + "-" + size[0] + "x" + size[1] + (shown == window ? "" : "-dialog"));
                }
            }
        }
        robot.interact(() -> {
            window.setWidth(w0);
            window.setHeight(h0);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void snapshot(javafx.stage.Window window, String dir, String name) {
        robot.interact(() -> {
            try {
                var img = window.getScene().snapshot(null);
                int w = (int) img.getWidth();
                int h = (int) img.getHeight();
                var buf = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
                var px = img.getPixelReader();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        buf.setRGB(x, y, px.getArgb(x, y));
                    }
                }
                javax.imageio.ImageIO.write(buf, "png", Path.of(dir, name + ".png").toFile());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
