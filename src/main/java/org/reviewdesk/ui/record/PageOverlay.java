package org.reviewdesk.ui.record;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.reviewdesk.record.ocr.OcrWord;

/**
 * Drawn over a page image: the boxes of the search hits (from the words' positions, OCR or PDF text layer),
 * low-confidence OCR words when the reviewer asks, and a selection made by dragging over the image, which gives
 * the words inside it as an excerpt with its rectangle.
 */
final class PageOverlay extends Pane {
    /** Receives a selection: the words' text and their rectangle as fractions of the page. */
    interface Selection {
        void selected(String quote, double x, double y, double w, double h);
    }

    static final int LOW_CONFIDENCE = 60;

    private final ImageView image;
    private final Selection onSelect;
    private String text = "";
    private List<OcrWord> words = List.of();
    private List<int[]> marks = List.of();
    private List<OcrWord> selected = List.of();
    private boolean lowConfidence;
    private int focused = -1;
    private final Rectangle drag = new Rectangle();
    private double startX;
    private double startY;

    PageOverlay(ImageView image, Selection onSelect) {
        this.image = image;
        this.onSelect = onSelect;
        setId("pageOverlay");
        setPickOnBounds(false);
        drag.setFill(Color.web("#2563eb", 0.12));
        drag.setStroke(Color.web("#2563eb"));
        drag.getStrokeDashArray().setAll(4.0, 3.0);
        drag.setManaged(false);
        drag.setVisible(false);
        image.boundsInParentProperty().addListener((o, a, b) -> redraw());
        image.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY || words.isEmpty()) {
                return;
            }
            var p = sceneToLocal(e.getSceneX(), e.getSceneY());
            startX = p.getX();
            startY = p.getY();
            drag.setX(startX);
            drag.setY(startY);
            drag.setWidth(0);
            drag.setHeight(0);
            drag.setVisible(true);
            e.consume();
        });
        image.setOnMouseDragged(e -> {
            if (!drag.isVisible()) {
                return;
            }
            var p = sceneToLocal(e.getSceneX(), e.getSceneY());
            drag.setX(Math.min(startX, p.getX()));
            drag.setY(Math.min(startY, p.getY()));
            drag.setWidth(Math.abs(p.getX() - startX));
            drag.setHeight(Math.abs(p.getY() - startY));
            e.consume();
        });
        image.setOnMouseReleased(e -> {
            if (!drag.isVisible()) {
                return;
            }
            drag.setVisible(false);
            e.consume();
            select(drag.getX(), drag.getY(), drag.getWidth(), drag.getHeight());
        });
    }

    /** Shows a page's words and the search hits ({@code marks}: character ranges of {@code pageText}). */
    void show(String pageText, List<OcrWord> pageWords, List<int[]> hitMarks) {
        text = pageText == null ? "" : pageText;
        words = pageWords == null ? List.of() : pageWords;
        marks = hitMarks == null ? List.of() : hitMarks;
        selected = List.of();
        focused = -1;
        redraw();
    }

    void clear() {
        show("", List.of(), List.of());
    }

    /** Outlines the hit {@code index} more strongly (the one the reviewer stepped to). */
    void focusHit(int index) {
        focused = index;
        redraw();
    }

    void setShowLowConfidence(boolean show) {
        lowConfidence = show;
        redraw();
    }

    boolean hasWords() {
        return !words.isEmpty();
    }

    /** How many hit boxes are drawn (for tests and the status line). */
    long hitBoxes() {
        return getChildren().stream().filter(n -> n.getStyleClass().contains("hit-box")).count();
    }

    /** The image's place in this pane's coordinates. */
    private Bounds imageBounds() {
        return parentToLocal(image.getBoundsInParent());
    }

    /** Selects the words whose centre lies in the rectangle (this pane's coordinates). */
    void select(double x, double y, double w, double h) {
        Bounds b = imageBounds();
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return;
        }
        double fx0 = (x - b.getMinX()) / b.getWidth();
        double fy0 = (y - b.getMinY()) / b.getHeight();
        double fx1 = (x + w - b.getMinX()) / b.getWidth();
        double fy1 = (y + h - b.getMinY()) / b.getHeight();
        List<OcrWord> in = new ArrayList<>();
        for (OcrWord word : words) {
            double cx = word.x() + word.w() / 2;
            double cy = word.y() + word.h() / 2;
            if (cx >= fx0 && cx <= fx1 && cy >= fy0 && cy <= fy1) {
                in.add(word);
            }
        }
        selected = in;
        redraw();
        if (in.isEmpty()) {
            return;
        }
        StringBuilder quote = new StringBuilder();
        double minX = 1;
        double minY = 1;
        double maxX = 0;
        double maxY = 0;
        OcrWord previous = null;
        for (OcrWord word : in) {
            if (previous != null) {
                boolean newLine = text.substring(Math.min(previous.end(), text.length()),
                        Math.min(word.start(), text.length())).contains("\n");
                quote.append(newLine ? "\n" : " ");
            }
            quote.append(text, Math.min(word.start(), text.length()), Math.min(word.end(), text.length()));
            previous = word;
            minX = Math.min(minX, word.x());
            minY = Math.min(minY, word.y());
            maxX = Math.max(maxX, word.x() + word.w());
            maxY = Math.max(maxY, word.y() + word.h());
        }
        onSelect.selected(quote.toString(), minX, minY, maxX - minX, maxY - minY);
    }

    private void redraw() {
        getChildren().clear();
        Bounds b = imageBounds();
        if (b.getWidth() <= 0 || words.isEmpty()) {
            getChildren().add(drag);
            return;
        }
        if (lowConfidence) {
            for (OcrWord w : words) {
                if (w.confidence() < LOW_CONFIDENCE) {
                    Rectangle r = box(b, w, 1);
                    r.setFill(Color.TRANSPARENT);
                    r.setStroke(Color.web("#dc2626"));
                    r.setStrokeWidth(1.5);
                    r.getStyleClass().add("low-confidence-box");
                    getChildren().add(r);
                }
            }
        }
        for (int i = 0; i < marks.size(); i++) {
            int[] m = marks.get(i);
            for (OcrWord w : words) {
                if (w.start() < m[1] && w.end() > m[0]) {
                    Rectangle r = box(b, w, 2);
                    r.setFill(Color.web("#f59e0b", i == focused ? 0.55 : 0.35));
                    r.setStroke(i == focused ? Color.web("#b45309") : Color.TRANSPARENT);
                    r.getStyleClass().add("hit-box");
                    getChildren().add(r);
                }
            }
        }
        for (OcrWord w : selected) {
            Rectangle r = box(b, w, 1);
            r.setFill(Color.web("#2563eb", 0.25));
            r.getStyleClass().add("selection-box");
            getChildren().add(r);
        }
        getChildren().add(drag);
    }

    private static Rectangle box(Bounds b, OcrWord w, double pad) {
        Rectangle r = new Rectangle(b.getMinX() + w.x() * b.getWidth() - pad, b.getMinY() + w.y() * b.getHeight() - pad,
                w.w() * b.getWidth() + 2 * pad, w.h() * b.getHeight() + 2 * pad);
        r.setManaged(false);
        r.setMouseTransparent(true);
        return r;
    }
}
