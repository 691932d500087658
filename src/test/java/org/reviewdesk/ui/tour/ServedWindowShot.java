package org.reviewdesk.ui.tour;

import static org.reviewdesk.ui.tour.ScreenshotTour.fx;
import static org.reviewdesk.ui.tour.ScreenshotTour.lookup;
import static org.reviewdesk.ui.tour.ScreenshotTour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.reviewdesk.app.ReviewDeskApp;

/**
 * The real window serving commands from other terminals (src/test/bench/window-serves-benchmark.sh, ADR 0021):
 * unlocks the store in DATA, opens the first case, writes SIGNALS/ready; after SIGNALS/added (the script ran a
 * records add through the launcher) it waits for the new document in the open case and takes a screenshot; on
 * SIGNALS/done it closes the window as a reviewer would (the store's exit backup and close) and exits.
 * Args: DATA PASSWORD OUT-DIR WIDTHxHEIGHT SIGNALS.
 */
public final class ServedWindowShot {
    private ServedWindowShot() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String password = args[1];
        Path out = Path.of(args[2]);
        String size = args[3];
        Path signals = Path.of(args[4]);
        int w = Integer.parseInt(size.split("x")[0]);
        int h = Integer.parseInt(size.split("x")[1]);
        Platform.startup(() -> { });
        ReviewDeskApp app = new ReviewDeskApp(data);
        Stage stage = ScreenshotTour.unlockedWindow(app, w, h, password);
        fx(() -> {
            ((Button) lookup(stage.getScene(), "#openCaseButton")).fire();
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#documentList") instanceof ListView<?> l && !l.getItems().isEmpty());
        int before = fx(() -> ((ListView<?>) lookup(stage.getScene(), "#documentList")).getItems().size());
        Files.writeString(signals.resolve("ready"), "");
        while (!Files.exists(signals.resolve("added"))) {
            Thread.sleep(100);
        }
        long asked = System.nanoTime();
        waitFor(() -> ((ListView<?>) lookup(stage.getScene(), "#documentList")).getItems().size() > before);
        System.out.printf("the added file showed in the open case %d ms after the command ended%n",
                (System.nanoTime() - asked) / 1_000_000);
        Thread.sleep(1500);
        Path file = out.resolve("window-serves-records-add-" + size + ".png");
        new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start().waitFor();
        System.out.println("shot " + file);
        Files.writeString(signals.resolve("shot"), "");
        while (!Files.exists(signals.resolve("done"))) {
            Thread.sleep(100);
        }
        fx(() -> {
            app.stop();
            return null;
        });
        System.out.println("WINDOW CLOSED");
        Platform.exit();
        System.exit(0);
    }
}
