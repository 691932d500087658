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

/** Page images of the letter, re-rendered shortly after the reviewer stops typing. */
final class LetterPreview extends VBox {
    private static final float DPI = 72f;

    private final LetterService letters;
    private final java.util.function.Supplier<CaseFile> current;
    private final VBox pages = new VBox(12);
    private final Label status = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(600));
    private long generation;

    LetterPreview(LetterService letters, java.util.function.Supplier<CaseFile> current) {
        this.letters = letters;
        this.current = current;
        setId("letterPreview");
        Label title = new Label("Letter preview");
        title.getStyleClass().add("title-4");
        status.getStyleClass().add("text-muted");
        status.setId("previewStatus");
        pages.setAlignment(Pos.TOP_CENTER);
        pages.setPadding(new Insets(8));
        pages.setStyle("-fx-background-color: -color-bg-subtle;");
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(title, status, scroll);
        setSpacing(6);
        setPadding(new Insets(10));
        debounce.setOnFinished(e -> render());
        widthProperty().addListener((o, a, b) -> fit());
    }

    /** Asks for a new rendering after a short pause. */
    void requestRender() {
        debounce.playFromStart();
    }

    void render() {
        long mine = ++generation;
        CaseFile c = current.get();
        status.setText("Rendering…");
        Background.run(() -> letters.previewPages(c, DPI), images -> {
            if (mine != generation) {
                return;
            }
            pages.getChildren().setAll(images.stream().map(LetterPreview::view).toList());
            fit();
            status.setText(images.size() == 1 ? "1 page" : images.size() + " pages");
        }, t -> status.setText("The letter could not be rendered: " + Dialogs.reasonForLabel(t)));
    }

    int pageCount() {
        return pages.getChildren().size();
    }

    private void fit() {
        double w = Math.max(200, getWidth() - 50);
        for (var n : pages.getChildren()) {
            ((ImageView) n).setFitWidth(w);
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
