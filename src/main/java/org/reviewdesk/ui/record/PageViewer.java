package org.reviewdesk.ui.record;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.reviewdesk.domain.StoredDocument;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.SearchService;
import org.reviewdesk.ui.Background;

/** One document's page: its image (zoomable) and its text (selectable), with search hits marked. */
final class PageViewer extends VBox {
    /** Receives a request to keep the selected text as an excerpt. */
    interface ExcerptRequest {
        void add(StoredDocument document, int page, String quote);

        /** An excerpt selected on the page image, with its rectangle (fractions of the upright page). */
        default void add(StoredDocument document, int page, String quote, double[] region) {
            add(document, page, quote);
        }
    }

    private static final float DPI = 110f;
    private static final String FIT_WIDTH = "Fit width";
    private static final String FIT_PAGE = "Fit page";

    private final RecordService records;
    private final String caseNumber;
    private final ExcerptRequest excerpt;
    private final ImageView image = new ImageView();
    // issue 11: search hits drawn on the image, excerpts selected on it, low-confidence OCR words
    private final PageOverlay overlay = new PageOverlay(image, this::selectedOnImage);
    private final javafx.scene.control.CheckMenuItem lowConfidence = new javafx.scene.control.CheckMenuItem(
            "Outline words OCR read with low confidence");
    private java.util.Set<Integer> hiddenPages = java.util.Set.of();
    private final ScrollPane imageScroll;
    private final TextArea text = new TextArea();
    private final Label pageLabel = new Label();
    private final Label hitLabel = new Label();
    private final ComboBox<String> zoom = new ComboBox<>();
    private final SplitPane split;
    private final javafx.scene.control.ListView<Integer> thumbnails = new javafx.scene.control.ListView<>();
    private final HBox imageRow;
    private StoredDocument document;
    private StoredDocument thumbnailsOf;
    private int page;
    private int pages;
    private String query;
    private List<int[]> marks = List.of();
    private int mark;
    private long generation;

    PageViewer(RecordService records, String caseNumber, ExcerptRequest excerpt) {
        this.records = records;
        this.caseNumber = caseNumber;
        this.excerpt = excerpt;
        setId("pageViewer");
        Button prev = new Button("◀");
        prev.setId("previousPage");
        prev.setOnAction(e -> go(page - 1));
        Button next = new Button("▶");
        next.setId("nextPage");
        next.setOnAction(e -> go(page + 1));
        pageLabel.setId("pageLabel");
        pageLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        zoom.setId("zoom");
        zoom.getItems().addAll(FIT_WIDTH, FIT_PAGE, "50%", "75%", "100%", "150%", "200%");
        zoom.setValue(FIT_WIDTH);
        zoom.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        zoom.valueProperty().addListener((o, a, b) -> fit());
        Button nextHit = new Button("Next hit");
        nextHit.setTooltip(new javafx.scene.control.Tooltip("Next search hit on this page (F3)"));
        nextHit.setOnAction(e -> nextMark());
        hitLabel.setId("hitLabel");
        Button addExcerpt = new Button("Add excerpt");
        addExcerpt.setId("addExcerptButton");
        addExcerpt.disableProperty().bind(text.selectedTextProperty().isEmpty());
        addExcerpt.setOnAction(e -> {
            if (document != null && !text.getSelectedText().isBlank()) {
                excerpt.add(document, page, text.getSelectedText().strip());
            }
        });
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        prev.setTooltip(new javafx.scene.control.Tooltip("Previous page (Page Up)"));
        next.setTooltip(new javafx.scene.control.Tooltip("Next page (Page Down)"));
        addExcerpt.setTooltip(new javafx.scene.control.Tooltip("Keep the selected text as evidence"));
        lowConfidence.setId("lowConfidenceToggle");
        lowConfidence.selectedProperty().addListener((o, a, b) -> overlay.setShowLowConfidence(b));
        javafx.scene.control.ContextMenu imageMenu = new javafx.scene.control.ContextMenu(lowConfidence);
        image.setOnContextMenuRequested(e -> imageMenu.show(image, e.getScreenX(), e.getScreenY()));
        Tooltip.install(image, new Tooltip("Drag over words to take them as an excerpt; right-click to outline "
                + "unsure OCR words"));
        HBox bar = new HBox(6, prev, pageLabel, next, zoom, spacer, addExcerpt);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 2, 8));
        HBox hitBar = new HBox(6, hitLabel, nextHit);
        hitBar.setAlignment(Pos.CENTER_RIGHT);
        hitBar.setPadding(new Insets(0, 8, 4, 8));
        hitBar.visibleProperty().bind(hitLabel.textProperty().isNotEmpty());
        hitBar.managedProperty().bind(hitBar.visibleProperty());

        image.setPreserveRatio(true);
        image.setId("pageImage");
        StackPane holder = new StackPane(image, overlay);
        holder.setStyle("-fx-background-color: -color-bg-subtle;");
        holder.setPadding(new Insets(8));
        imageScroll = new ScrollPane(holder);
        imageScroll.setFitToWidth(true);
        imageScroll.setPannable(true);
        imageScroll.widthProperty().addListener((o, a, b) -> fit());
        imageScroll.heightProperty().addListener((o, a, b) -> fit());
        text.setId("recordText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setStyle("-fx-font-family: 'Liberation Mono', monospace; -fx-font-size: 12px;");
        thumbnails.setId("thumbnails");
        thumbnails.setPrefWidth(96);
        thumbnails.setMinWidth(70);
        thumbnails.setMaxWidth(120);
        thumbnails.setCellFactory(lv -> new ThumbnailCell());
        thumbnails.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != page) {
                go(b);
            }
        });
        HBox imageRow = new HBox(thumbnails, imageScroll);
        HBox.setHgrow(imageScroll, Priority.ALWAYS);
        this.imageRow = imageRow;
        split = new SplitPane(imageRow, text);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, hitBar, split);

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PAGE_DOWN || (e.getCode() == KeyCode.RIGHT && e.isAltDown())) {
                go(page + 1);
                e.consume();
            } else if (e.getCode() == KeyCode.PAGE_UP || (e.getCode() == KeyCode.LEFT && e.isAltDown())) {
                go(page - 1);
                e.consume();
            } else if (e.getCode() == KeyCode.HOME && e.isControlDown()) {
                go(1);
            } else if (e.getCode() == KeyCode.END && e.isControlDown()) {
                go(pages);
            } else if (e.getCode() == KeyCode.F3) {
                nextMark();
            }
        });
        pageLabel.setText("No document open");
    }

    void open(StoredDocument d, int pageNumber, String searchQuery) {
        document = d;
        pages = d.pageCount() == null ? 1 : Math.max(1, d.pageCount());
        query = searchQuery;
        show(pageNumber, null);
    }

    void openAndSelect(StoredDocument d, int pageNumber, String quote) {
        document = d;
        pages = d.pageCount() == null ? 1 : Math.max(1, d.pageCount());
        query = null;
        show(pageNumber, quote);
    }

    private void go(int p) {
        // duplicate pages are skipped while hidden
        int step = p < page ? -1 : 1;
        while (hiddenPages.contains(p) && p >= 1 && p <= pages) {
            p += step;
        }
        if (document != null && p >= 1 && p <= pages && p != page) {
            show(p, null);
        }
    }

    /** Pages of the open document that page-by-page reading skips (duplicates), until shown again. */
    void hidePages(java.util.Set<Integer> hidden) {
        hiddenPages = hidden;
    }

    /** Shows the current page again (its OCR arrived). */
    void reload() {
        if (document != null) {
            show(page, null);
        }
    }

    int currentPage() {
        return page;
    }

    PageOverlay overlay() {
        return overlay;
    }

    private void selectedOnImage(String quote, double x, double y, double w, double h) {
        if (document != null && !quote.isBlank()) {
            excerpt.add(document, page, quote.strip(), new double[] {x, y, w, h});
        }
    }

    private boolean isText() {
        return "TEXT".equals(document.mediaKind());
    }

    private void show(int p, String select) {
        page = p;
        if (isText() && split.getItems().contains(imageRow)) {
            split.getItems().remove(imageRow);
            image.setImage(null);
        } else if (!isText() && !split.getItems().contains(imageRow)) {
            split.getItems().add(0, imageRow);
            split.setDividerPositions(0.62);
        }
        if (thumbnails.getItems().size() != pages || thumbnailsOf != document) {
            thumbnailsOf = document;
            thumbnails.getItems().setAll(java.util.stream.IntStream.rangeClosed(1, pages).boxed().toList());
        }
        thumbnails.getSelectionModel().select(Integer.valueOf(p));
        thumbnails.scrollTo(Math.max(0, p - 2));
        long mine = ++generation;
        StoredDocument d = document;
        pageLabel.setText("Page " + p + " of " + pages);
        Background.run(() -> records.pageText(caseNumber, d.document().id(), p), t -> {
            if (mine != generation) {
                return;
            }
            text.setText(t);
            marks = query == null || query.isBlank() ? List.of() : SearchService.marks(t, query);
            mark = -1;
            List<int[]> shownMarks = marks;
            overlay.clear();
            if (!isText()) {
                Background.run(() -> records.pageWords(caseNumber, d.document().id(), p), w -> {
                    if (mine == generation) {
                        overlay.show(t, w.words(), shownMarks);
                    }
                }, x -> overlay.clear());
            }
            if (select != null) {
                int at = t.indexOf(select);
                if (at >= 0) {
                    text.selectRange(at, at + select.length());
                }
                hitLabel.setText("");
            } else if (!marks.isEmpty()) {
                nextMark();
            } else {
                hitLabel.setText(query == null || query.isBlank() ? "" : "no hit on this page");
                text.positionCaret(0);
            }
        }, t -> text.setText("The page text could not be read: " + t.getMessage()));
        Background.run(() -> {
            records.markOpened(caseNumber, d.document().id(), p);
            return isText() ? null : records.uprightPageImage(caseNumber, d.document().id(), p, DPI);
        }, img -> {
            if (mine != generation || img == null) {
                return;
            }
            Image fx = PageView.toFx(img);
            image.setImage(fx);
            fit();
            if (p < pages) {
                Background.run(() -> records.pageImage(caseNumber, d.document().id(), p + 1, DPI), x -> { },
                        x -> { });
            }
        }, t -> image.setImage(null));
    }

    private void nextMark() {
        if (marks.isEmpty()) {
            return;
        }
        mark = (mark + 1) % marks.size();
        int[] m = marks.get(mark);
        text.selectRange(m[0], m[1]);
        overlay.focusHit(mark);
        hitLabel.setText("hit " + (mark + 1) + " of " + marks.size() + " on this page");
    }

    private void fit() {
        Image img = image.getImage();
        if (img == null) {
            return;
        }
        double w = imageScroll.getViewportBounds().getWidth() - 20;
        double h = imageScroll.getViewportBounds().getHeight() - 20;
        String z = zoom.getValue();
        if (FIT_WIDTH.equals(z)) {
            image.setFitHeight(0);
            image.setFitWidth(Math.max(50, w));
        } else if (FIT_PAGE.equals(z)) {
            image.setFitWidth(0);
            image.setFitHeight(Math.max(50, h));
        } else {
            double scale = Integer.parseInt(z.replace("%", "")) / 100.0;
            image.setFitHeight(0);
            image.setFitWidth(img.getWidth() * 72.0 / DPI * scale * 96.0 / 72.0);
        }
    }

    /** A page number with its small image, rendered when the cell is shown. */
    private final class ThumbnailCell extends javafx.scene.control.ListCell<Integer> {
        private final ImageView view = new ImageView();

        ThumbnailCell() {
            view.setPreserveRatio(true);
            view.setFitWidth(64);
            setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        }

        @Override
        protected void updateItem(Integer n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null || document == null || isText()) {
                setGraphic(null);
                setText(null);
                return;
            }
            setText(String.valueOf(n));
            view.setImage(null);
            setGraphic(view);
            StoredDocument d = document;
            Background.run(() -> records.pageImage(caseNumber, d.document().id(), n, 14f), img -> {
                if (n.equals(getItem()) && d == document) {
                    view.setImage(PageView.toFx(img));
                }
            }, t -> { });
        }
    }

    /** The id of the document shown, or null. */
    String currentDocumentId() {
        return document == null ? null : document.document().id();
    }

    String selectedText() {
        return text.getSelectedText();
    }
}
