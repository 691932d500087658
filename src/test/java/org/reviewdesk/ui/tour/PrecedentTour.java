package org.reviewdesk.ui.tour;

import static org.reviewdesk.ui.tour.ScreenshotTour.fx;
import static org.reviewdesk.ui.tour.ScreenshotTour.lookup;
import static org.reviewdesk.ui.tour.ScreenshotTour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.PrecedentService;
import org.reviewdesk.service.Workbench;

/**
 * Screenshots of the precedent features in the real window under Xvfb: the sample case's Similar decisions section
 * (the 194 public letters imported) and the dashboard; with a 4th argument "empty", a new store's first-run offer in
 * the status bar. Usage: src/test/bench/precedent-screenshots.sh [out-dir]
 */
public final class PrecedentTour {
    private static final String PASSWORD = "screenshot password 1";

    private PrecedentTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String size = args[1];
        Path letters = Path.of(args.length > 2 ? args[2] : "../shared/data/imr-letters/txt");
        int w = Integer.parseInt(size.split("x")[0]);
        int h = Integer.parseInt(size.split("x")[1]);
        Path data = Files.createTempDirectory("rd-precedent-tour");
        boolean empty = args.length > 3 && args[3].equals("empty");
        try (Workbench wb = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            if (!empty) {
                wb.precedents().importLetters(List.of(letters), PrecedentService.Progress.NONE, () -> false);
            }
        }
        Platform.startup(() -> { });
        Stage stage = ScreenshotTour.unlockedWindow(new ReviewDeskApp(data), w, h, PASSWORD);
        if (empty) {
            // a new store: the first-run offer in the status bar
            waitFor(() -> lookup(stage.getScene(), "#precedentOffer") != null && lookup(stage.getScene(), "#precedentOffer").isVisible());
            Thread.sleep(1500);
            shot(out, "first-run-offer-" + size);
            System.out.println("TOUR DONE");
            Platform.exit();
            System.exit(0);
        }
        fx(() -> {
            ((Button) lookup(stage.getScene(), "#openCaseButton")).fire();
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#documentList") instanceof javafx.scene.control.ListView<?> l
                && l.getItems().size() == 3);
        fx(() -> {
            @SuppressWarnings("unchecked")
            var l = (javafx.scene.control.ListView<org.reviewdesk.domain.StoredDocument>)
                    lookup(stage.getScene(), "#documentList");
            l.getItems().stream().filter(d -> !"TEXT".equals(d.mediaKind())).findFirst()
                    .ifPresent(d -> l.getSelectionModel().select(d));
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#pageImage") instanceof javafx.scene.image.ImageView v
                && v.getImage() != null);
        waitFor(() -> lookup(stage.getScene(), "#similarSummary-0") instanceof Label l
                && l.getText().contains("similar:"));
        Thread.sleep(1500);
        fx(() -> {
            Node panel = lookup(stage.getScene(), "#similar-0");
            for (Node p = panel.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane sp) {
                    double y = sp.getContent().sceneToLocal(panel.localToScene(panel.getBoundsInLocal())).getMinY();
                    double range = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(range <= 0 ? 0 : Math.min(1, (y - 20) / range));
                    break;
                }
            }
            return null;
        });
        Thread.sleep(1500);
        shot(out, "similar-decisions-" + size);
        fx(() -> {
            MenuBar bar = (MenuBar) stage.getScene().lookup(".menu-bar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "dashboardMenu".equals(i.getId()))
                    .findFirst().orElseThrow().fire();
            return null;
        });
        waitFor(() -> Window.getWindows().stream().anyMatch(x -> x != stage && x.isShowing()
                && x.getScene() != null && x.getScene().lookup("#categoryChart") != null));
        Thread.sleep(2000);
        shot(out, "dashboard-" + size);
        System.out.println("TOUR DONE");
        Platform.exit();
        System.exit(0);
    }

    private static void shot(Path out, String name) throws Exception {
        Path file = out.resolve(name + ".png");
        Process p = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start();
        p.waitFor();
        System.out.println("shot " + file);
    }
}
