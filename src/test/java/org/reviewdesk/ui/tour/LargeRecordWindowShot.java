package org.reviewdesk.ui.tour;

import static org.reviewdesk.ui.tour.ScreenshotTour.fx;
import static org.reviewdesk.ui.tour.ScreenshotTour.lookup;
import static org.reviewdesk.ui.tour.ScreenshotTour.waitFor;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.RecordService;

/**
 * The window on a case holding a large scanned PDF (src/test/bench/large-record-benchmark.sh's store): the case
 * opened, the scan's entry opened in the record viewer (its pages read from the store a block at a time, while the
 * window's OCR reads the same file), three pages forward; screenshots, and the page label printed.
 * Args: DATA PASSWORD OUT-DIR WIDTHxHEIGHT.
 */
public final class LargeRecordWindowShot {
    private LargeRecordWindowShot() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[2]);
        String size = args[3];
        int w = Integer.parseInt(size.split("x")[0]);
        int h = Integer.parseInt(size.split("x")[1]);
        Platform.startup(() -> { });
        Stage stage = ScreenshotTour.unlockedWindow(new ReviewDeskApp(data), w, h, args[1]);
        Thread.sleep(1000);
        System.out.println("unlocked");
        fx(() -> {
            ((Button) lookup(stage.getScene(), "#openCaseButton")).fire();
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#chronologyList") != null);
        Thread.sleep(1500);
        System.out.println("case open; stage " + fx(() -> stage.getWidth() + "x" + stage.getHeight())
                + ", workspace split at " + fx(() -> java.util.Arrays.toString(((javafx.scene.control.SplitPane)
                lookup(stage.getScene(), "#workspaceSplit")).getDividerPositions())));
        long t0 = System.nanoTime();
        fx(() -> {
            ListView<RecordService.ChronologyEntry> list =
                    (ListView<RecordService.ChronologyEntry>) lookup(stage.getScene(), "#chronologyList");
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).documentId().startsWith("scan")) {
                    list.getSelectionModel().select(i);
                }
            }
            list.requestFocus();
            Event.fireEvent(list, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false,
                    false));
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#pageLabel") instanceof Label l && l.getText().matches(".*of \\d{2,}.*"));
        System.out.printf("scan opened: %s after %d ms%n",
                fx(() -> ((Label) lookup(stage.getScene(), "#pageLabel")).getText()), (System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(2000);
        shot(out, "large-record-page1-" + size);
        for (int i = 0; i < 3; i++) {
            fx(() -> {
                ((Button) lookup(stage.getScene(), "#nextPage")).fire();
                return null;
            });
            Thread.sleep(700);
        }
        Thread.sleep(1500);
        shot(out, "large-record-page4-" + size);
        System.out.println("page label: " + fx(() -> ((Label) lookup(stage.getScene(), "#pageLabel")).getText())
                + "; workspace split at " + fx(() -> java.util.Arrays.toString(((javafx.scene.control.SplitPane)
                lookup(stage.getScene(), "#workspaceSplit")).getDividerPositions())));
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use %d MB of %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20);
        Platform.exit();
        System.exit(0);
    }

    private static void shot(Path out, String name) throws Exception {
        Path file = out.resolve(name + ".png");
        new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start().waitFor();
        System.out.println("shot " + file);
    }
}
