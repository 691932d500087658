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
import org.reviewdesk.ui.Icons;
import org.reviewdesk.ui.Dialogs;

/**
 * One document's page: its image fills the column (fit width by default, zoomable); its text
 * (selectable, search hits marked) is a toggle in the same place, not a second pane.
 */
public final class PageViewer extends VBox {
    /** Receives a request to keep the selected text as an excerpt. */
    interface ExcerptRequest {
        void add(StoredDocument document, int page, String quote);

        /** An excerpt selected on the page image, with its rectangle (fractions of the upright page). */
        default void add(StoredDocument document, int page, String quote, double[] region) {
            add(document, page, quote);
        }
    }

    static final float DPI = 110f;
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
    private final javafx.scene.control.ToggleButton showText = new javafx.scene.control.ToggleButton();
    private final javafx.scene.control.ToggleButton showThumbnails = new javafx.scene.control.ToggleButton();
    private final javafx.beans.property.BooleanProperty textOnly = new javafx.beans.property.SimpleBooleanProperty();
    private final StackPane pageLayer = new StackPane();
    private final javafx.scene.layout.FlowPane bar;
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
    private Button addExcerptButton;
    /** A finalized case: its pages are read, no excerpt is taken from them. */
    private final javafx.beans.property.BooleanProperty readOnly = new javafx.beans.property.SimpleBooleanProperty();

    PageViewer(RecordService records, String caseNumber, ExcerptRequest excerpt) {
        this.records = records;
        this.caseNumber = caseNumber;
        this.excerpt = excerpt;
        setId("pageViewer");
        Button prev = Icons.button("mdi2c-chevron-left", "Previous page (Page Up)");
        prev.setId("previousPage");
        prev.setOnAction(e -> go(page - 1));
        Button next = Icons.button("mdi2c-chevron-right", "Next page (Page Down)");
        next.setId("nextPage");
        next.setOnAction(e -> go(page + 1));
        pageLabel.setId("pageLabel");
        pageLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        zoom.setId("zoom");
        zoom.getItems().addAll(FIT_WIDTH, FIT_PAGE, "50%", "75%", "100%", "150%", "200%");
        zoom.setValue(FIT_WIDTH);
        zoom.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        zoom.setTooltip(new javafx.scene.control.Tooltip("Zoom (Ctrl+plus / Ctrl+minus)"));
        zoom.valueProperty().addListener((o, a, b) -> fit());
        hitLabel.setId("hitLabel");
        hitLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // takes room in the toolbar only when it says something (the record pane counts the hits across pages)
        hitLabel.managedProperty().bind(hitLabel.textProperty().isNotEmpty());
        hitLabel.visibleProperty().bind(hitLabel.managedProperty());
        showText.setId("pageTextToggle");
        showText.setGraphic(Icons.icon("mdi2t-text-box-outline"));
        // an icon, as the thumbnails' toggle: with the search box and the hit counters the toolbar stays one row at
        // 1920 px and two at 1280
        showText.setTooltip(new javafx.scene.control.Tooltip("Page text: show the page's text to select and keep "
                + "excerpts (Ctrl+T)"));
        showText.setAccessibleText("Page text");
        showText.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        showThumbnails.setId("thumbnailToggle");
        showThumbnails.setGraphic(Icons.icon("mdi2v-view-grid-outline"));
        showThumbnails.setTooltip(new javafx.scene.control.Tooltip("Show small page images beside the page"));
        Button addExcerpt = new Button("Add excerpt");
        addExcerptButton = addExcerpt;
        addExcerpt.setId("addExcerptButton");
        addExcerpt.setGraphic(Icons.icon("mdi2f-format-quote-open"));
        addExcerpt.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        addExcerpt.disableProperty().bind(text.selectedTextProperty().isEmpty().or(readOnly));
        addExcerpt.visibleProperty().bind(showText.selectedProperty());
        addExcerpt.managedProperty().bind(addExcerpt.visibleProperty());
        // the zoom is the image's: the text view shows "Add excerpt" in its place, and the toolbar with the search,
        // its hits and the pane's buttons stays one row at 1920 px
        zoom.visibleProperty().bind(showText.selectedProperty().not());
        zoom.managedProperty().bind(zoom.visibleProperty());
        addExcerpt.setOnAction(e -> {
            if (document != null && !text.getSelectedText().isBlank()) {
                excerpt.add(document, page, text.getSelectedText().strip());
            }
        });
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        addExcerpt.tooltipProperty().bind(javafx.beans.binding.Bindings.when(readOnly)
                .then(new javafx.scene.control.Tooltip("The case is finalized: no excerpt can be added. "
                        + "Amend the case to add excerpts."))
                .otherwise(new javafx.scene.control.Tooltip("Keep the selected text as evidence (Ctrl+Shift+E)")));
        lowConfidence.setId("lowConfidenceToggle");
        lowConfidence.selectedProperty().addListener((o, a, b) -> overlay.setShowLowConfidence(b));
        javafx.scene.control.ContextMenu imageMenu = new javafx.scene.control.ContextMenu(lowConfidence);
        image.setOnContextMenuRequested(e -> imageMenu.show(image, e.getScreenX(), e.getScreenY()));
        Tooltip.install(image, new Tooltip("Drag over words to take them as an excerpt; right-click to outline "
                + "unsure OCR words"));
        // one toolbar row over the page (it wraps on a narrow column rather than cut anything off)
        bar = new javafx.scene.layout.FlowPane(4, 4, prev, pageLabel, next, zoom, showThumbnails, showText,
                addExcerpt, hitLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(5, 8, 5, 8));
        bar.setId("pageToolbar");

        image.setPreserveRatio(true);
        image.setId("pageImage");
        // the page image and whatever is drawn over it (search hits, word boxes) share one layer
        pageLayer.getChildren().addAll(image, overlay);
        pageLayer.setId("pageLayer");
        pageLayer.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane holder = new StackPane(pageLayer);
        holder.setStyle("-fx-background-color: -color-bg-subtle;");
        holder.setPadding(new Insets(4));
        imageScroll = new ScrollPane(holder);
        imageScroll.setId("pageScroll");
        imageScroll.setFitToWidth(true);
        imageScroll.setPannable(true);
        imageScroll.viewportBoundsProperty().addListener((o, a, b) -> fit());
        text.setId("recordText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setStyle("-fx-font-family: 'Liberation Mono', monospace; -fx-font-size: 0.93em;");
        thumbnails.setId("thumbnails");
        thumbnails.setPrefWidth(96);
        thumbnails.setMinWidth(70);
        thumbnails.setMaxWidth(120);
        thumbnails.setCellFactory(lv -> new ThumbnailCell());
        thumbnails.visibleProperty().bind(showThumbnails.selectedProperty());
        thumbnails.managedProperty().bind(thumbnails.visibleProperty());
        thumbnails.visibleProperty().addListener((o, a, b) -> {
            if (b) {
                thumbnails.refresh();
            }
        });
        thumbnails.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != page) {
                go(b);
            }
        });
        // the text is a toggle over the page, not a second pane: one reading area
        StackPane body = new StackPane(imageScroll, text);
        text.visibleProperty().bind(showText.selectedProperty().or(textOnly));
        imageScroll.visibleProperty().bind(text.visibleProperty().not());
        HBox imageRow = new HBox(thumbnails, body);
        HBox.setHgrow(body, Priority.ALWAYS);
        this.imageRow = imageRow;
        VBox.setVgrow(imageRow, Priority.ALWAYS);
        getChildren().addAll(bar, imageRow);

        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::keys);
        pageLabel.setText("No document open");
    }

    /**
     * The viewer's keys (pages, page text, excerpt, zoom), also from the record's document lists beside it: Page Down
     * there turned the list's selection, opening another document at its first page. Consumes what it handles.
     */
    void keys(javafx.scene.input.KeyEvent e) {
        {
            if (e.getCode() == KeyCode.PAGE_DOWN || (e.getCode() == KeyCode.RIGHT && e.isAltDown())) {
                go(page + 1);
                e.consume();
            } else if (e.getCode() == KeyCode.PAGE_UP || (e.getCode() == KeyCode.LEFT && e.isAltDown())) {
                go(page - 1);
                e.consume();
            } else if (e.getCode() == KeyCode.HOME && e.isControlDown()) {
                go(1);
                e.consume();
            } else if (e.getCode() == KeyCode.END && e.isControlDown()) {
                go(pages);
                e.consume();
            } else if (e.getCode() == KeyCode.E && e.isShortcutDown() && e.isShiftDown()) {
                // the selected text kept as an excerpt without reaching for the toolbar (Tab does not get there
                // from the page text)
                if (addExcerptButton.isVisible() && !addExcerptButton.isDisabled()) {
                    addExcerptButton.fire();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.T && e.isShortcutDown()) {
                showText.setSelected(!showText.isSelected());
                e.consume();
            } else if ((e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.PLUS)
                    && e.isShortcutDown()) {
                stepZoom(1);
                e.consume();
            } else if ((e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) && e.isShortcutDown()) {
                stepZoom(-1);
                e.consume();
            }
        }
    }

    private void stepZoom(int step) {
        List<String> z = zoom.getItems();
        int at = Math.max(0, z.indexOf(zoom.getValue()));
        if (at < 2) {
            at = z.indexOf("100%");
        }
        zoom.setValue(z.get(Math.max(2, Math.min(z.size() - 1, at + step))));
    }

    /**
     * The layer holding the page image, sized like the image shown: a node added here (search-hit
     * rectangles, word boxes) is drawn over the page at the image's scale ({@link #imageScale()}).
     */
    public StackPane overlayHost() {
        return pageLayer;
    }

    /** Displayed pixels per rendered image pixel (the rendering is at {@value #DPI} dpi). */
    public double imageScale() {
        Image img = image.getImage();
        return img == null || img.getWidth() == 0 ? 1 : image.getBoundsInLocal().getWidth() / img.getWidth();
    }

    /** The page shown (1-based) and the document, for overlays. */
    public int currentPage() {
        return page;
    }

    /** The toolbar, for the pane that hosts the viewer to add its own buttons (pop out, full screen). */
    javafx.scene.layout.FlowPane toolbar() {
        return bar;
    }

    /** Shows or hides the page text in place of the image. */
    void showText(boolean show) {
        showText.setSelected(show);
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

    PageOverlay overlay() {
        return overlay;
    }

    /** A finalized case: "Add excerpt" is disabled and a selection on the image is not taken as one. */
    void setReadOnly(boolean locked) {
        readOnly.set(locked);
    }

    private void selectedOnImage(String quote, double x, double y, double w, double h) {
        if (document != null && !quote.isBlank() && !readOnly.get()) {
            excerpt.add(document, page, quote.strip(), new double[] {x, y, w, h});
        }
    }

    private boolean isText() {
        return "TEXT".equals(document.mediaKind());
    }

    private void show(int p, String select) {
        show(p, select, false);
    }

    private void show(int p, String select, boolean startAtLast) {
        page = p;
        textOnly.set(isText());
        if (isText()) {
            image.setImage(null);
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
                showText.setSelected(true);
                int at = t.indexOf(select);
                if (at >= 0) {
                    text.selectRange(at, at + select.length());
                }
                hitLabel.setText("");
            } else if (!marks.isEmpty()) {
                if (startAtLast) {
                    mark = marks.size();
                    previousMark();
                } else {
                    nextMark();
                }
            } else {
                hitLabel.setText(query == null || query.isBlank() ? "" : "no hit on this page");
                text.positionCaret(0);
            }
        }, t -> text.setText("The page text could not be read: " + Dialogs.reasonForLabel(t)));
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

    /** Opens a document's page with the search hits of {@code searchQuery} marked, at its last hit. */
    void openAtLastHit(StoredDocument d, int pageNumber, String searchQuery) {
        document = d;
        pages = d.pageCount() == null ? 1 : Math.max(1, d.pageCount());
        query = searchQuery;
        show(pageNumber, null, true);
    }

    /** Marks the next hit on this page; false when the page has no further hit (F3 moves on). */
    boolean nextMark() {
        if (marks.isEmpty() || mark + 1 >= marks.size()) {
            return false;
        }
        mark++;
        markShown();
        return true;
    }

    /** Marks the previous hit on this page; false when there is none before (Shift+F3 moves back). */
    boolean previousMark() {
        if (marks.isEmpty() || mark <= 0) {
            return false;
        }
        mark--;
        markShown();
        return true;
    }

    private void markShown() {
        int[] m = marks.get(mark);
        text.selectRange(m[0], m[1]);
        overlay.focusHit(mark);
        // one mark on the page: the record pane's "hit 3 of 17" says it all; several: which of them is selected
        hitLabel.setText(marks.size() > 1 ? (mark + 1) + " of " + marks.size() + " on page" : "");
    }

    /** The search hits on the page shown, as character ranges of its text (for overlays). */
    public List<int[]> marks() {
        return marks;
    }

    /** The page image shown; an overlay listens here to redraw when the page changes. */
    public javafx.beans.property.ReadOnlyObjectProperty<Image> imageProperty() {
        return image.imageProperty();
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
            if (!thumbnails.isVisible()) {
                // the hidden list still makes cells: rendering them would hold up the page shown (issue 11)
                return;
            }
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
