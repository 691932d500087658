package org.reviewdesk.ui.workspace;

import java.awt.image.BufferedImage;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.service.LetterService;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;

/**
 * Page images of the letter, re-rendered shortly after the reviewer stops typing; shown to fit the width or at a
 * zoom (Ctrl+plus, Ctrl+minus, Ctrl+0 for fit width), rendered at the resolution the shown size needs (up to
 * {@value #MAX_DPI} dpi) so that small print stays sharp.
 */
final class LetterPreview extends VBox {
    private static final float MIN_DPI = 72f;
    private static final float MAX_DPI = 150f;
    /** A letter page's width in inches (US Letter). */
    private static final double PAGE_INCHES = 8.5;
    /** 100 %: the page as wide as on paper, at the screen's 96 px per inch. */
    private static final double ACTUAL_WIDTH = PAGE_INCHES * 96;
    static final String FIT = "Fit width";
    private static final java.util.List<String> ZOOMS = java.util.List.of(FIT, "75%", "100%", "125%", "150%", "200%");

    private final LetterService letters;
    private final java.util.function.Supplier<CaseFile> current;
    private final VBox pages = new VBox(12);
    private final Label status = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(600));
    private final javafx.scene.control.ComboBox<String> zoom = new javafx.scene.control.ComboBox<>();
    private long generation;
    /** The resolution the pages shown were rendered at. */
    private float renderedDpi;

    LetterPreview(LetterService letters, java.util.function.Supplier<CaseFile> current) {
        this.letters = letters;
        this.current = current;
        setId("letterPreview");
        Label title = new Label("Letter preview");
        title.getStyleClass().add("title-4");
        zoom.getItems().setAll(ZOOMS);
        zoom.setValue(FIT);
        zoom.setId("previewZoom");
        zoom.setTooltip(new javafx.scene.control.Tooltip("Zoom: Ctrl+plus, Ctrl+minus; Ctrl+0 fits the width"));
        zoom.valueProperty().addListener((o, a, b) -> fit());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(10, title, gap, zoom);
        head.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("text-muted");
        status.setId("previewStatus");
        pages.setAlignment(Pos.TOP_CENTER);
        pages.setPadding(new Insets(8));
        pages.setStyle("-fx-background-color: -color-bg-subtle;");
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(head, status, scroll);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) {
                return;
            }
            switch (e.getCode()) {
                case PLUS, EQUALS, ADD -> step(1);
                case MINUS, SUBTRACT -> step(-1);
                case DIGIT0, NUMPAD0 -> zoom.setValue(FIT);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        setSpacing(6);
        setPadding(new Insets(10));
        debounce.setOnFinished(e -> render());
        widthProperty().addListener((o, a, b) -> fit());
    }

    /** Asks for a new rendering after a short pause. */
    void requestRender() {
        debounce.playFromStart();
    }

    /** The next zoom up ({@code +1}) or down; from fit width, the zoom nearest to the width shown. */
    void step(int direction) {
        int at = ZOOMS.indexOf(zoom.getValue());
        if (at <= 0) {
            double shown = shownWidth() / ACTUAL_WIDTH;
            at = 1;
            for (int i = 1; i < ZOOMS.size(); i++) {
                if (Math.abs(percent(ZOOMS.get(i)) - shown) < Math.abs(percent(ZOOMS.get(at)) - shown)) {
                    at = i;
                }
            }
            zoom.setValue(ZOOMS.get(at));
            return;
        }
        zoom.setValue(ZOOMS.get(Math.max(1, Math.min(ZOOMS.size() - 1, at + direction))));
    }

    String zoom() {
        return zoom.getValue();
    }

    private static double percent(String z) {
        return Integer.parseInt(z.replace("%", "")) / 100.0;
    }

    /** The width a page is shown at, in pixels. */
    private double shownWidth() {
        return FIT.equals(zoom.getValue()) ? Math.max(200, getWidth() - 50) : ACTUAL_WIDTH * percent(zoom.getValue());
    }

    /** The resolution that gives the shown width's pixels, within bounds. */
    private float neededDpi() {
        return (float) Math.max(MIN_DPI, Math.min(MAX_DPI, Math.ceil(shownWidth() / PAGE_INCHES)));
    }

    void render() {
        long mine = ++generation;
        CaseFile c = current.get();
        status.setText("Rendering…");
        float dpi = neededDpi();
        Background.run(() -> letters.previewPages(c, dpi), images -> {
            if (mine != generation) {
                return;
            }
            renderedDpi = dpi;
            pages.getChildren().setAll(images.stream().map(LetterPreview::view).toList());
            fit();
            status.setText(images.size() == 1 ? "1 page" : images.size() + " pages");
        }, t -> status.setText("The letter could not be rendered: " + Dialogs.reasonForLabel(t)));
    }

    int pageCount() {
        return pages.getChildren().size();
    }

    private void fit() {
        double w = shownWidth();
        for (var n : pages.getChildren()) {
            ((ImageView) n).setFitWidth(w);
        }
        // shown larger than rendered: render again, sharper (after a pause, as while typing)
        if (!pages.getChildren().isEmpty() && neededDpi() > renderedDpi * 1.1f) {
            requestRender();
        }
    }

    private static ImageView view(BufferedImage img) {
        WritableImage fx = new WritableImage(img.getWidth(), img.getHeight());
        PixelWriter pw = fx.getPixelWriter();
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, img.getWidth(), 1, row, 0, img.getWidth());
            pw.setPixels(0, y, img.getWidth(), 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0,
                    img.getWidth());
        }
        ImageView v = new ImageView(fx);
        v.setPreserveRatio(true);
        v.setSmooth(true);
        v.setStyle("-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 6, 0, 0, 1);");
        return v;
    }
}
