package org.reviewdesk.ui.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.record.ocr.ScannedPackets;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window with a scanned packet: it imports, OCR runs in the background with its progress shown, the
 * chronology lists the packet's documents in date order, a search hit on a scanned page is drawn on the page
 * image, and an excerpt is taken by dragging over the words on the image (its rectangle is kept).
 */
class ScannedRecordWindowTest {
    private static final String PASSWORD = "scanned password 1";
    private static final String CASE = "EXAMPLE-0001";

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
        org.reviewdesk.ui.FxWait.until(180, condition);
    }

    @Test
    void aScannedPacketIsReadListedByDateSearchedOnTheImageAndExcerptedBySelection() throws Exception {
        ScannedPackets.Packet packet = ScannedPackets.smallPacket(new ScannedPackets.Scan(200, 0.5, false, 0.001, 0,
                false, 3));
        Path file = Files.write(in.resolve("scanned-packet.pdf"), packet.pdf());
        Workbench.create(data, PASSWORD.toCharArray(), false).close();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.clickOn("#password").write(PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        // on a loaded machine a double click can arrive as two single clicks: try again
        for (int i = 0; i < 3 && robot.lookup("#recordPane").tryQuery().isEmpty(); i++) {
            robot.doubleClickOn(CASE);
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#recordPane").tryQuery()
                        .isPresent());
            } catch (java.util.concurrent.TimeoutException e) {
                // clicked again below
            }
        }
        waitUntil(() -> robot.lookup("#recordPane").tryQuery().isPresent());

        RecordPane pane = node("#recordPane", RecordPane.class);
        robot.interact(() -> pane.addFiles(List.of(file)));
        waitUntil(() -> robot.lookup("#ocrStatus").tryQuery().isPresent()
                && node("#ocrStatus", javafx.scene.layout.HBox.class).isVisible()
                || chronologyHolds(3));
        screenshot("scanned-ocr-progress");
        // OCR runs in the background and then the chronology holds the packet's three documents
        @SuppressWarnings("unchecked")
        ListView<RecordService.ChronologyEntry> chrono = node("#chronologyList", ListView.class);
        waitUntil(() -> chrono.getItems().stream().filter(e -> e.documentId().equals("scanned-packet")).count() == 3);
        List<RecordService.ChronologyEntry> mine = chrono.getItems().stream()
                .filter(e -> e.documentId().equals("scanned-packet")).toList();
        assertEquals(List.of(3, 2, 1), mine.stream().map(RecordService.ChronologyEntry::firstPage).toList());
        assertEquals(List.of("11/02/2014", "01/19/2015", "03/14/2015"), mine.stream()
                .map(e -> RecordPane.DATE.format(e.date())).toList());
        for (int i = 1; i < chrono.getItems().size(); i++) {
            var a = chrono.getItems().get(i - 1).date();
            var b = chrono.getItems().get(i).date();
            assertTrue(a == null ? b == null : b == null || !b.isBefore(a), "chronology in date order");
        }
        robot.clickOn("#chronologyTab");
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("scanned-chronology");

        // search a phrase that is only on the scanned pages; the hit is drawn on the page image
        // the query is set and submitted on the FX thread: typed keys went astray on a busy CI machine (the field
        // is what is tested here, not the keyboard)
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.TextField field = node("#recordSearch", javafx.scene.control.TextField.class);
            field.requestFocus();
            field.setText("\"Provider: Maria Chen\"");
            field.fireEvent(new javafx.event.ActionEvent());
        }).get(10, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        ListView<org.reviewdesk.service.SearchService.SearchHit> hits = node("#searchResults", ListView.class);
        waitUntil(() -> hits.getItems().size() == 1);
        assertEquals("scanned-packet", hits.getItems().get(0).documentId());
        assertEquals(2, hits.getItems().get(0).page());
        robot.clickOn(hits.lookupAll(".list-cell").stream().filter(n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() != null).findFirst().orElseThrow());
        PageOverlay overlay = node("#pageOverlay", PageOverlay.class);
        waitUntil(() -> node("#pageLabel", Label.class).getText().equals("Page 2 of 3") && overlay.hitBoxes() == 3);
        screenshot("scanned-hit");

        // drag over the hit's words on the image: the excerpt dialog opens with those words
        List<Bounds> boxes = overlay.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("hit-box")).map(n -> n.localToScreen(n.getBoundsInLocal()))
                .toList();
        double x0 = boxes.stream().mapToDouble(Bounds::getMinX).min().orElseThrow() - 2;
        double y0 = boxes.stream().mapToDouble(Bounds::getMinY).min().orElseThrow() - 2;
        double x1 = boxes.stream().mapToDouble(Bounds::getMaxX).max().orElseThrow() + 2;
        double y1 = boxes.stream().mapToDouble(Bounds::getMaxY).max().orElseThrow() + 2;
        robot.moveTo(new Point2D(x0, y0)).press(MouseButton.PRIMARY).moveTo(new Point2D((x0 + x1) / 2, (y0 + y1) / 2))
                .moveTo(new Point2D(x1, y1)).release(MouseButton.PRIMARY);
        waitUntil(() -> robot.lookup("#excerptDialog").tryQuery().isPresent());
        screenshot("scanned-excerpt");
        robot.clickOn("OK");
        waitUntil(() -> node("#excerptList", ListView.class).getItems().size() > 0);
        // the excerpt as the list shows it in its narrow column: the quote itself is on screen, not only the
        // document's title cut off after one line
        org.reviewdesk.ui.LaptopWindow.resize();
        ListView<?> excerpts = node("#excerptList", ListView.class);
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TabPane) node("#recordPane", javafx.scene.Node.class)
                .lookup(".tab-pane")).getSelectionModel().select(2)).get(10, TimeUnit.SECONDS);
        org.reviewdesk.ui.LaptopWindow.narrowRecordColumn(excerpts);
        // polled: the cells are laid out again at the new width a few pulses after the divider moved
        String shown = "";
        for (int i = 0; i < 40 && !shown.contains("Provider: Maria Chen,"); i++) {
            WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
            shown = WaitForAsyncUtils.asyncFx(() -> {
                StringBuilder b = new StringBuilder();
                for (javafx.scene.Node n : excerpts.lookupAll(".list-cell")) {
                    if (n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null && c.isVisible()) {
                        for (javafx.scene.Node t : c.lookupAll(".text")) {
                            if (t instanceof javafx.scene.text.Text text && text.isVisible()) {
                                b.append(text.getText().replace('\n', ' ')).append(' ');
                            }
                        }
                    }
                }
                return b.toString().replaceAll("\\s+", " ");
            }).get(10, TimeUnit.SECONDS);
        }
        assertTrue(excerpts.getWidth() <= 150, "the excerpts column is " + excerpts.getWidth() + " px wide");
        assertTrue(shown.contains("Provider: Maria Chen,"), shown);

        FxToolkit.cleanupApplication(app);
        app = null;
        try (Workbench w = Workbench.open(data, PASSWORD.toCharArray())) {
            List<Evidence> ex = w.records().excerpts(CASE);
            Evidence e = ex.get(ex.size() - 1);
            assertEquals("scanned-packet", e.documentId());
            assertEquals(2, e.page());
            assertEquals("Provider: Maria Chen,", e.quote());
            var regions = w.records().excerptRegions(CASE);
            assertFalse(regions.isEmpty());
            double[] r = regions.values().iterator().next();
            assertTrue(r[0] > 0.1 && r[0] < 0.14 && r[2] > 0.1 && r[3] < 0.03, java.util.Arrays.toString(r));
            assertEquals("Per the therapy note dated 1/19/15, \"Provider: Maria Chen,\"",
                    w.records().citation(CASE, e));
        }
    }

    private boolean chronologyHolds(int n) {
        return robot.lookup("#chronologyList").tryQuery().isPresent()
                && node("#chronologyList", ListView.class).getItems().stream().filter(e ->
                ((RecordService.ChronologyEntry) e).documentId().equals("scanned-packet")).count() == n;
    }

    /** With -Dreviewdesk.screenshots=DIR: the window at 1280x800 and 1920x1080, as PNG files. */
    private void screenshot(String name) {
        String dir = System.getProperty("reviewdesk.screenshots");
        if (dir == null) {
            return;
        }
        javafx.stage.Window window = robot.window(0);
        double w0 = window.getWidth();
        double h0 = window.getHeight();
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            robot.interact(() -> {
                window.setWidth(size[0]);
                window.setHeight(size[1]);
            });
            WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            snapshot(dir, name + "-" + size[0] + "x" + size[1]);
        }
        robot.interact(() -> {
            window.setWidth(w0);
            window.setHeight(h0);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void snapshot(String dir, String name) {
        robot.interact(() -> {
            try {
                var img = robot.window(0).getScene().snapshot(null);
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
