package org.reviewdesk.ui.tour;

import static org.reviewdesk.ui.tour.ScreenshotTour.fx;
import static org.reviewdesk.ui.tour.ScreenshotTour.lookup;
import static org.reviewdesk.ui.tour.ScreenshotTour.waitFor;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.reviewdesk.app.ReviewDeskApp;

/**
 * The window on a store that lives on read-only media (src/test/bench/read-only-media.sh): unlock, the
 * note about read-only media, the first case opened read-only; screenshots of both.
 * Args: DATA PASSWORD OUT-DIR WIDTHxHEIGHT. Prints "READ-ONLY WINDOW OK" when the case opened read-only.
 */
public final class ReadOnlyWindowShot {
    private ReadOnlyWindowShot() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String password = args[1];
        Path out = Path.of(args[2]);
        String size = args[3];
        int w = Integer.parseInt(size.split("x")[0]);
        int h = Integer.parseInt(size.split("x")[1]);
        Platform.startup(() -> { });
        Stage stage = ScreenshotTour.unlockedWindow(new ReviewDeskApp(data), w, h, password);
        Thread.sleep(1500);
        shot(out, "read-only-media-note-" + size);
        // the note about the read-only media is an information alert: close it
        fx(() -> {
            for (Window win : java.util.List.copyOf(Window.getWindows())) {
                if (win != stage && win instanceof Stage s2) {
                    s2.close();
                }
            }
            return null;
        });
        fx(() -> {
            ((Button) lookup(stage.getScene(), "#openCaseButton")).fire();
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#lockedBadge") != null);
        Thread.sleep(2500);
        shot(out, "read-only-media-case-" + size);
        String badge = fx(() -> ((javafx.scene.control.Label) lookup(stage.getScene(), "#lockedBadge")).getText());
        System.out.println("badge: " + badge);
        if (badge.contains("read-only")) {
            System.out.println("READ-ONLY WINDOW OK");
        }
        Platform.exit();
        System.exit(0);
    }

    private static void shot(Path out, String name) throws Exception {
        Path file = out.resolve(name + ".png");
        new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start().waitFor();
        System.out.println("shot " + file);
    }
}
