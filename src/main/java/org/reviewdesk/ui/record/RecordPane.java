package org.reviewdesk.ui.record;

import java.io.File;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.RecordService.AddResult;
import org.reviewdesk.service.SearchService;
import org.reviewdesk.service.SearchService.SearchHit;
import org.reviewdesk.domain.StoredDocument;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;
import org.reviewdesk.ui.Icons;

/**
 * The left half of the workspace: the record's documents, a page viewer (image and selectable
 * text), search with hits marked, and the evidence excerpts.
 */
public final class RecordPane extends BorderPane {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private final RecordService records;
    private final SearchService search;
    private final String caseNumber;
    private final ExcerptTarget target;
    private final ObservableList<StoredDocument> documents = FXCollections.observableArrayList();
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<Evidence> excerpts = FXCollections.observableArrayList();
    private final ListView<StoredDocument> documentList = new ListView<>(documents);
    private final ListView<SearchHit> hitList = new ListView<>(hits);
    private final ListView<Evidence> excerptList = new ListView<>(excerpts);
    private final TabPane tabs = new TabPane();
    private final org.controlsfx.control.textfield.CustomTextField searchField = clearable();
    private final Button add = Icons.button("mdi2f-file-plus-outline", "Add record files: PDF, text, images (Ctrl+O); "
            + "or drop them here");
    private final Label hitCount = new Label();
    private final StackPane viewerHolder = new StackPane();
    private final SplitPane split = new SplitPane();
    /** The last queries of this session, newest first (kept in memory only: a query may name the patient). */
    private static final javafx.collections.ObservableList<String> recent = FXCollections.observableArrayList();
    private javafx.stage.Stage viewerWindow;
    private int hitIndex = -1;
    private boolean readOnly;
    private final Label counts = new Label();
    private final PageViewer viewer;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final HBox progressBar;
    /** The imports started and not ended, each with its own Cancel flag (FX thread). */
    private final List<AtomicBoolean> imports = new java.util.ArrayList<>();
    // issue 11: OCR progress, the chronology of the documents in the case's files, duplicate pages
    private OcrStatusBar ocrStatus;
    private final Label searchNote = new Label();
    private final ChronologyView chronology = new ChronologyView(new ChronologyActions());
    private List<RecordService.DuplicatePage> duplicatePages = List.of();
    private final javafx.scene.control.CheckBox showDuplicates = new javafx.scene.control.CheckBox(
            "Show duplicate pages");

    /** Where an excerpt can be inserted: the workspace's summary and rationales. */
    public interface ExcerptTarget {
        List<String> itemNames();

        void insertIntoSummary(String sentence);

        void insertIntoRationale(int item, String sentence);

        /**
         * The record as stored now (documents and excerpts read again after an import or an excerpt was kept or
         * removed): what the builder drafts from must know them without the case being opened again.
         */
        default void recordChanged(List<org.reviewdesk.domain.RecordDocument> documents, List<Evidence> excerpts) {
        }
    }

    public RecordPane(RecordService records, SearchService search, String caseNumber, ExcerptTarget target) {
        this.records = records;
        this.search = search;
        this.caseNumber = caseNumber;
        this.target = target;
        this.viewer = new PageViewer(records, caseNumber, new PageViewer.ExcerptRequest() {
            @Override
            public void add(StoredDocument document, int page, String quote) {
                addExcerpt(document, page, quote, null);
            }

            @Override
            public void add(StoredDocument document, int page, String quote, double[] region) {
                addExcerpt(document, page, quote, region);
            }
        });
        setId("recordPane");

        counts.getStyleClass().add("text-muted");
        counts.setId("recordCounts");
        counts.setWrapText(true);
        counts.setPadding(new Insets(0, 4, 0, 4));
        add.setId("addRecordsButton");
        add.setOnAction(e -> chooseFiles());
        searchField.setId("recordSearch");
        // short enough for the narrow 1280 px toolbar; the tooltip says the rest
        searchField.setPromptText("Search the record");
        // ControlsFX's field draws its hint a shade off its own background, barely seen in the dark theme: the
        // theme's subtle text colour, as the other fields' hints
        searchField.setStyle("-fx-prompt-text-fill: -color-fg-subtle;");
        searchField.setTooltip(new javafx.scene.control.Tooltip("Words, \"a phrase\" or a prefix*; Enter opens "
                + "the first hit, F3 the next, Shift+F3 the previous; Down shows recent searches"));
        searchField.setLeft(Icons.icon("mdi2m-magnify"));
        searchField.setOnAction(e -> runSearch(true));
        searchField.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !recent.isEmpty()) {
                showRecent();
                e.consume();
            }
        });
        HBox.setHgrow(searchField, Priority.ALWAYS);
        searchField.setMinWidth(160);
        Button recentButton = Icons.button("mdi2h-history", "Recent searches (Down arrow in the search box)");
        recentButton.setId("recentSearches");
        recentButton.setOnAction(e -> showRecent());
        Button previousHit = Icons.button("mdi2c-chevron-up", "Previous hit (Shift+F3)");
        previousHit.setId("previousHit");
        previousHit.setOnAction(e -> previousHit());
        Button nextHit = Icons.button("mdi2c-chevron-down", "Next hit (F3)");
        nextHit.setId("nextHit");
        nextHit.setOnAction(e -> nextHit());
        previousHit.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(hits));
        nextHit.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(hits));
        hitCount.setId("hitCount");
        hitCount.setMinWidth(Label.USE_PREF_SIZE);
        Button popOut = Icons.button("mdi2o-open-in-new", "Pop out the page viewer into its own window "
                + "(for a second monitor)");
        popOut.setId("popOutButton");
        popOut.setOnAction(e -> popOut());
        Button fullScreen = Icons.button("mdi2f-fullscreen", "Read full screen (F11); Page Up/Down pages, Esc returns");
        fullScreen.setId("fullScreenButton");
        fullScreen.setOnAction(e -> fullScreen());
        // search and the page share one toolbar row above the page: the page keeps the height
        searchField.setPrefWidth(170);
        HBox searchBox = new HBox(4, searchField, recentButton, previousHit, nextHit, hitCount);
        searchBox.setAlignment(Pos.CENTER_LEFT);
        searchBox.setId("searchBox");
        javafx.scene.control.Separator sep1 = new javafx.scene.control.Separator(Orientation.VERTICAL);
        sep1.setPrefHeight(24);
        sep1.getStyleClass().add("small"); // AtlantaFX: a narrow gap, the toolbar stays one row at 1920 px
        viewer.toolbar().getChildren().add(0, searchBox);
        viewer.toolbar().getChildren().add(1, sep1);
        javafx.scene.control.Separator sep2 = new javafx.scene.control.Separator(Orientation.VERTICAL);
        sep2.setPrefHeight(24);
        sep2.getStyleClass().add("small");
        viewer.toolbar().getChildren().addAll(sep2, add, popOut, fullScreen);
        // its icon-only buttons compact (AtlantaFX's button-icon, 34 px square): with the search, its hits, the page's
        // counters and "Add excerpt" in the text view, the toolbar stays one row at 1920 px and two at 1280
        java.util.stream.Stream.concat(viewer.toolbar().getChildren().stream(), searchBox.getChildren().stream())
                .filter(n -> n instanceof javafx.scene.control.ButtonBase b && b.getGraphic() != null
                        && (b.getText() == null || b.getText().isEmpty()))
                .forEach(n -> n.getStyleClass().add("button-icon"));
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F3) {
                if (e.isShiftDown()) {
                    previousHit();
                } else {
                    nextHit();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.F11) {
                fullScreen();
                e.consume();
            }
        });
        searchNote.setId("searchOcrNote");
        searchNote.getStyleClass().add("text-muted");
        searchNote.setWrapText(true);
        searchNote.visibleProperty().bind(searchNote.textProperty().isNotEmpty());
        searchNote.managedProperty().bind(searchNote.visibleProperty());
        VBox header = new VBox(4, searchNote);
        if (records.ocr() != null) {
            ocrStatus = new OcrStatusBar(records.ocr(), caseNumber, this::ocrPageRead);
            header.getChildren().add(ocrStatus);
        }
        header.setPadding(new Insets(4, 8, 0, 8));
        setTop(header);

        documentList.setId("documentList");
        // the viewer's keys from the lists beside it: Page Down turns the page shown (it turned the list's selection
        // and opened another document); Up and Down still move in the list
        for (javafx.scene.control.Control list : java.util.List.of(documentList, chronology)) {
            list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, viewer::keys);
        }
        documentList.setCellFactory(lv -> new DocumentCell());
        documentList.widthProperty().addListener((o, a, b) -> documentList.refresh());
        hitList.widthProperty().addListener((o, a, b) -> hitList.refresh());
        // the document column is narrow: the placeholder wraps instead of being cut off
        documentList.setPlaceholder(placeholder(documentList, "No record documents yet: drop files here or use "
                + "Add files…"));
        documentList.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null && !d.document().id().equals(viewer.currentDocumentId())) {
                viewer.open(d, 1, null);
            }
        });
        documentList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                editDetails();
            }
        });
        javafx.scene.control.MenuItem details = new javafx.scene.control.MenuItem("Edit details…");
        details.setOnAction(e -> editDetails());
        documentList.setContextMenu(new javafx.scene.control.ContextMenu(details));
        hitList.setId("searchResults");
        hitList.setCellFactory(lv -> new HitCell());
        hitList.setPlaceholder(placeholder(hitList, "Type words and press Enter to search this case's record."));
        hitList.setOnMouseClicked(e -> openHit(hitList.getSelectionModel().getSelectedItem()));
        hitList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openHit(hitList.getSelectionModel().getSelectedItem());
            }
        });
        excerptList.setId("excerptList");
        excerptList.setCellFactory(lv -> new ExcerptCell(this));
        excerptList.setPlaceholder(placeholder(excerptList, "Select text on a page and choose Add excerpt."));
        excerptList.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1) {
                openExcerpt(excerptList.getSelectionModel().getSelectedItem());
            }
        });
        // Enter opens the excerpt's page too, as in the list of hits
        excerptList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openExcerpt(excerptList.getSelectionModel().getSelectedItem());
            }
        });
        Tab docsTab = new Tab("Documents", new VBox(4, counts, documentList));
        VBox.setVgrow(documentList, Priority.ALWAYS);
        ((VBox) docsTab.getContent()).setPadding(new Insets(4, 0, 0, 0));
        Tab hitsTab = new Tab("Hits", hitList);
        hitsTab.setId("searchTab");
        Tab excerptTab = new Tab("Excerpts", excerptList);
        excerptTab.setId("excerptsTab");
        tabs.getTabs().addAll(docsTab, hitsTab, excerptTab);
        showDuplicates.setId("showDuplicates");
        // wraps in the narrow column instead of "No duplicate ..."
        showDuplicates.setWrapText(true);
        showDuplicates.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        showDuplicates.selectedProperty().addListener((o, a, b) -> hideDuplicatesOf(viewer.currentDocumentId()));
        VBox chronoBox = new VBox(4, chronology.actionBar(), chronology, showDuplicates);
        VBox.setVgrow(chronology, Priority.ALWAYS);
        chronoBox.setPadding(new Insets(0, 0, 4, 0));
        Tab chronoTab = new Tab("Chronology", chronoBox);
        chronoTab.setId("chronologyTab");
        tabs.getTabs().add(chronoTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // the tabs stand on the left edge: their names never crowd a narrow list
        tabs.setSide(javafx.geometry.Side.LEFT);
        tabs.setMinWidth(150);
        SplitPane.setResizableWithParent(tabs, false);

        viewerHolder.getChildren().setAll(viewer);
        viewerHolder.setId("viewerHolder");
        split.getItems().setAll(tabs, viewerHolder);
        split.setId("recordSplit");
        split.setDividerPositions(0.2);
        // the lists get a fixed width (200-250 px; more made the page toolbar wrap at 1920) the first time the column is laid out; the page the rest
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                if (b.doubleValue() > 300) {
                    // at 1280x800 170 px left the lists 136 beside the tab strip: titles broke inside words
                    // ("Neuropsychologi / cal") and a hit's preview held two words a line
                    split.setDividerPositions(Math.max(200, Math.min(250, 0.24 * b.doubleValue()))
                            / b.doubleValue());
                    split.widthProperty().removeListener(this);
                }
            }
        });
        setCenter(split);

        progress.setId("importProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Button stop = new Button("Cancel");
        stop.setId("cancelImport");
        // cancels the running import and those waiting behind it
        stop.setOnAction(e -> imports.forEach(f -> f.set(true)));
        progressBar = new HBox(8, progressText, progress, stop);
        progressBar.setAlignment(Pos.CENTER_LEFT);
        progressBar.setPadding(new Insets(4, 10, 6, 10));
        progressBar.setVisible(false);
        progressBar.setManaged(false);
        setBottom(progressBar);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !readOnly) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !readOnly;
            if (ok) {
                addFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        refresh(null);
    }

    /** Reloads the document and excerpt lists; selects {@code select} (a document id) when given. */
    public void refresh(String select) {
        Background.run(() -> new Object[] {records.documents(caseNumber), records.excerpts(caseNumber)}, v -> {
            @SuppressWarnings("unchecked")
            List<StoredDocument> docs = (List<StoredDocument>) v[0];
            @SuppressWarnings("unchecked")
            List<Evidence> ex = (List<Evidence>) v[1];
            // a file still being stored has no page count yet: its pages are those of the file
            List<StoredDocument> sorted = docs.stream().map(d -> d.pageCount() == null
                    && importingTotals.containsKey(d.document().id()) ? new StoredDocument(d.document(),
                    d.mediaKind(), importingTotals.get(d.document().id()), d.sha256(), d.size()) : d)
                    .sorted(java.util.Comparator.comparing(
                    (StoredDocument d) -> d.document().date(),
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList();
            String keep = select != null ? select : viewer.currentDocumentId() != null ? viewer.currentDocumentId()
                    : selectedId();
            documents.setAll(sorted);
            excerpts.setAll(ex);
            target.recordChanged(docs.stream().map(StoredDocument::document).toList(), ex);
            refreshChronology();
            int pages = docs.stream().mapToInt(d -> d.pageCount() == null ? 0 : d.pageCount()).sum();
            counts.setText(docs.size() + (docs.size() == 1 ? " document, " : " documents, ")
                    + pages + (pages == 1 ? " page" : " pages"));
            documents.stream().filter(d -> d.document().id().equals(keep)).findFirst()
                    .or(() -> documents.stream().findFirst())
                    .ifPresent(d -> {
                        documentList.getSelectionModel().select(d);
                        if (select != null) {
                            viewer.open(d, 1, null);
                        }
                    });
        }, t -> Dialogs.error(window(), "The record could not be read", t));
    }

    /** The id of the document the viewer shows (window tests, benchmarks). */
    String viewerDocumentId() {
        return viewer.currentDocumentId();
    }

    private String selectedId() {
        StoredDocument d = documentList.getSelectionModel().getSelectedItem();
        return d == null ? null : d.document().id();
    }

    private javafx.stage.Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Puts the focus on the list of the side's open tab (the documents, or the hits of a search). */
    public void focusList() {
        javafx.scene.Node list = tabs.getSelectionModel().getSelectedIndex() == 1 ? hitList
                : tabs.getSelectionModel().getSelectedIndex() == 2 ? excerptList : documentList;
        org.reviewdesk.ui.Focus.request(list);
    }

    public void focusSearch() {
        // with the viewer in its own window the search box is there: that window comes forward first, or the
        // typing stayed in the main window (in a rationale)
        if (viewerWindow != null) {
            viewerWindow.toFront();
            viewerWindow.requestFocus();
        }
        searchField.requestFocus();
        searchField.selectAll();
    }

    public void chooseFiles() {
        if (readOnly) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add record files to case " + caseNumber);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Records (PDF, text, images)", "*.pdf", "*.txt", "*.png", "*.jpg",
                        "*.jpeg", "*.tif", "*.tiff"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> files = org.reviewdesk.ui.FilePicks.openMultiple(chooser, window());
        if (files != null && !files.isEmpty()) {
            addFiles(files.stream().map(File::toPath).toList());
        }
    }

    /**
     * Imports run on their own thread, one at a time, not on the store worker: the viewer's reads go on meanwhile
     * (the import writes in short transactions), so a file's first page is shown as soon as it is stored.
     */
    private static final java.util.concurrent.ExecutorService IMPORTS =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "record-import");
                t.setDaemon(true);
                return t;
            });
    /** Page counts of files whose pages are still being stored (document id to pages in the file). */
    private final java.util.Map<String, Integer> importingTotals = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Adds files in the background with a progress bar and a Cancel button; reports refusals by name. Each
     * file's first page is shown once it is stored, while the other pages follow (OCR waits until then).
     */
    public void addFiles(List<Path> files) {
        // a second import (files dropped while others are read) waits behind the first with a Cancel of its own: it
        // shared the first's flag and bar, and the first's end hid the bar and forgot the second's pages
        AtomicBoolean mine = new AtomicBoolean();
        imports.add(mine);
        java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        progressBar.setVisible(true);
        progressBar.setManaged(true);
        if (imports.size() == 1) {
            progress.setProgress(0);
            progressText.setText("Reading " + files.size() + (files.size() == 1 ? " file…" : " files…"));
        }
        RecordService.Progress shown = (name, i, n, done, total) -> Platform.runLater(() -> {
            int waiting = imports.size() - 1;
            progressText.setText(name + " (" + (i + 1) + " of " + n + "): page " + done + " of " + total
                    + " stored" + (waiting > 0 ? "; " + waiting + " more import" + (waiting == 1 ? "" : "s")
                    + " waiting" : ""));
            progress.setProgress(n == 0 ? 0 : (i + (total == 0 ? 0 : (double) done / total)) / n);
        });
        RecordService.FirstPage first = new RecordService.FirstPage() {
            @Override
            public void stored(String name, String id, int total) {
                ids.add(id);
                importingTotals.put(id, total);
                Platform.runLater(() -> refresh(id));
            }

            @Override
            public float renderDpi() {
                return PageViewer.DPI;
            }
        };
        IMPORTS.execute(() -> {
            // its turn: the bar shows this import from its start (it showed the one before at its end)
            Platform.runLater(() -> {
                progress.setProgress(0);
                int waiting = imports.size() - 1;
                progressText.setText("Reading " + files.size() + (files.size() == 1 ? " file…" : " files…")
                        + (waiting > 0 ? "; " + waiting + " more import" + (waiting == 1 ? "" : "s") + " waiting" : ""));
            });
            try {
                List<AddResult> results = records.addFiles(caseNumber, files, shown, mine::get, first);
                Platform.runLater(() -> {
                    importEnded(mine, ids);
                    report(results, files.size());
                    String last = results.stream().filter(r -> r.documentId() != null).reduce((a, b) -> b)
                            .map(AddResult::documentId).orElse(null);
                    // the document shown stays on its page; only a new document is opened at page 1
                    refresh(last != null && last.equals(viewer.currentDocumentId()) ? null : last);
                });
            } catch (Throwable t) {
                Platform.runLater(() -> {
                    importEnded(mine, ids);
                    refresh(null);
                    Dialogs.error(window(), "The files could not be added", t);
                });
            }
        });
    }

    /** One import ended: its pages are all stored; the bar goes when no other import runs or waits. FX thread. */
    private void importEnded(AtomicBoolean which, java.util.Set<String> ids) {
        imports.remove(which);
        ids.forEach(importingTotals::remove);
        if (imports.isEmpty()) {
            progressBar.setVisible(false);
            progressBar.setManaged(false);
        }
    }

    private void report(List<AddResult> results, int asked) {
        List<String> problems = results.stream().filter(r -> r.error() != null).map(AddResult::error).toList();
        List<String> duplicates = results.stream().filter(AddResult::duplicate)
                .map(r -> r.fileName() + " is already in the case (" + r.documentId() + "); not stored twice")
                .toList();
        long added = results.stream().filter(AddResult::added).count();
        String summary = added + " of " + asked + " files added"
                + (results.size() < asked ? "; the import was cancelled" : "") + ".";
        if (problems.isEmpty() && duplicates.isEmpty()) {
            progressText.setText(summary);
            org.reviewdesk.ui.Toasts.show(window(), summary);
            return;
        }
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(problems.isEmpty()
                ? javafx.scene.control.Alert.AlertType.INFORMATION : javafx.scene.control.Alert.AlertType.WARNING);
        a.initOwner(window());
        a.setTitle("Adding record files");
        a.setHeaderText(summary);
        a.setContentText(String.join("\n", java.util.stream.Stream.concat(problems.stream(), duplicates.stream())
                .map(s -> "• " + s).toList()));
        a.getDialogPane().setId("importReport");
        a.show();
    }

    private void editDetails() {
        StoredDocument d = documentList.getSelectionModel().getSelectedItem();
        if (d == null) {
            return;
        }
        new DocumentDetailsDialog(window(), d.document()).showAndWait().ifPresent(edited -> Background.run(() -> {
            records.updateMetadata(caseNumber, edited);
            return edited.id();
        }, this::refresh, t -> Dialogs.error(window(), "The details could not be saved", t)));
    }

    /** Searches this case's record for {@code query}, shows the hits and opens the first. */
    public void search(String query) {
        search(query, null, 0);
    }

    /**
     * Searches for {@code query} and opens the hit on {@code documentId}'s {@code page} (the first hit when
     * that page has none): a finding that quotes a page shows that page, the phrase marked.
     */
    public void search(String query, String documentId, int page) {
        preferredDocument = documentId;
        preferredPage = page;
        searchField.setText(query);
        runSearch(true);
    }

    private String preferredDocument;
    private int preferredPage;

    private static org.controlsfx.control.textfield.CustomTextField clearable() {
        return (org.controlsfx.control.textfield.CustomTextField)
                org.controlsfx.control.textfield.TextFields.createClearableTextField();
    }

    private void runSearch(boolean openFirst) {
        String q = searchField.getText();
        if (q == null || q.isBlank()) {
            hits.clear();
            hitCount.setText("");
            return;
        }
        remember(q.strip());
        tabs.getSelectionModel().select(1);
        Background.run(() -> search.search(q, caseNumber, 200), found -> {
            hits.setAll(found);
            // issue 11: say when scanned pages are still waiting for OCR (they are not searched yet)
            var ocr = ocrStatus == null ? null : ocrStatus.status();
            searchNote.setText(ocr != null && ocr.unfinished() ? ocr.label() + ": pages not read yet are not "
                    + "searched" : "");
            hitList.setPlaceholder(placeholder(hitList, searchNote.getText().isEmpty()
                    ? "No hits in this case's record." : "No hits yet. " + searchNote.getText() + "."));
            hitIndex = -1;
            if (found.isEmpty()) {
                hitCount.setText("no hits");
            } else {
                hitCount.setText(found.size() + (found.size() == 1 ? " hit" : " hits"));
                if (openFirst) {
                    int first = 0;
                    for (int i = 0; preferredDocument != null && i < found.size(); i++) {
                        if (found.get(i).documentId().equals(preferredDocument) && found.get(i).page() == preferredPage) {
                            first = i;
                            break;
                        }
                    }
                    preferredDocument = null;
                    showHit(first, false);
                } else {
                    hitList.getSelectionModel().selectFirst();
                }
            }
        }, t -> Dialogs.error(window(), "The search failed", t));
    }

    private static void remember(String q) {
        recent.remove(q);
        recent.add(0, q);
        if (recent.size() > 10) {
            recent.remove(10, recent.size());
        }
    }

    /** The recent queries under the search box; choosing one searches again. */
    private void showRecent() {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId("recentMenu");
        if (recent.isEmpty()) {
            javafx.scene.control.MenuItem none = new javafx.scene.control.MenuItem("No searches yet");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        for (String q : recent) {
            javafx.scene.control.MenuItem m = new javafx.scene.control.MenuItem(q);
            m.setMnemonicParsing(false);
            m.setOnAction(e -> search(q));
            menu.getItems().add(m);
        }
        menu.show(searchField, javafx.geometry.Side.BOTTOM, 0, 0);
    }

    /** The recent queries of this session, newest first. */
    public static List<String> recentQueries() {
        return List.copyOf(recent);
    }

    /** F3: the next hit on this page, else the first hit of the next page or document. */
    public void nextHit() {
        if (hits.isEmpty()) {
            return;
        }
        if (hitIndex >= 0 && viewer.nextMark()) {
            return;
        }
        showHit(hitIndex + 1 >= hits.size() ? 0 : hitIndex + 1, false);
    }

    /** Shift+F3: the previous hit on this page, else the last hit of the previous page or document. */
    public void previousHit() {
        if (hits.isEmpty()) {
            return;
        }
        if (hitIndex >= 0 && viewer.previousMark()) {
            return;
        }
        showHit(hitIndex <= 0 ? hits.size() - 1 : hitIndex - 1, true);
    }

    private void showHit(int index, boolean atLast) {
        hitIndex = index;
        SearchHit h = hits.get(index);
        hitList.getSelectionModel().select(index);
        hitList.scrollTo(Math.max(0, index - 1));
        hitCount.setText("hit " + (index + 1) + " of " + hits.size());
        documents.stream().filter(d -> d.document().id().equals(h.documentId())).findFirst()
                .ifPresent(d -> {
                    if (atLast) {
                        viewer.openAtLastHit(d, h.page(), searchField.getText());
                    } else {
                        viewer.open(d, h.page(), searchField.getText());
                    }
                    documentList.getSelectionModel().select(d);
                });
    }

    private void openHit(SearchHit h) {
        if (h == null) {
            return;
        }
        int i = hits.indexOf(h);
        if (i >= 0) {
            showHit(i, false);
        }
    }

    /** The text shown in the hit counter ("hit 3 of 17"). */
    String hitCountText() {
        return hitCount.getText();
    }

    /** The page viewer, for overlays drawn over the page image. */
    public PageViewer viewer() {
        return viewer;
    }

    // ---- the viewer in its own window, or full screen ----

    /** Puts the page viewer in its own window (for a second monitor); closing it brings it back. */
    public void popOut() {
        if (viewerWindow != null) {
            viewerWindow.toFront();
            return;
        }
        viewerWindow = viewerStage("Record — case " + caseNumber);
        viewerWindow.getScene().getRoot().setId("recordWindow");
        org.reviewdesk.ui.WindowPlaces.place(viewerWindow, "recordWindow", 900, 1000);
        viewerWindow.show();
        viewer.requestFocus();
    }

    /** Full-screen reading: Page Up/Down or the arrows page, Esc returns. */
    public void fullScreen() {
        if (viewerWindow != null) {
            viewerWindow.setFullScreen(true);
            return;
        }
        viewerWindow = viewerStage("Record — case " + caseNumber);
        viewerWindow.setFullScreenExitHint("Esc returns to the workspace; Page Up and Page Down turn the pages");
        viewerWindow.setFullScreen(true);
        viewerWindow.fullScreenProperty().addListener((o, a, b) -> {
            if (!b && viewerWindow != null) {
                viewerWindow.close();
            }
        });
        viewerWindow.show();
        viewer.requestFocus();
    }

    private javafx.stage.Stage viewerStage(String title) {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(window());
        stage.setTitle(title);
        Label back = new Label("The page viewer is in its own window.");
        Button bring = new Button("Bring it back");
        bring.setId("bringBackButton");
        bring.setOnAction(e -> stage.close());
        VBox placeholder = new VBox(8, back, bring);
        placeholder.setAlignment(Pos.CENTER);
        viewerHolder.getChildren().setAll(placeholder);
        BorderPane content = new BorderPane(viewer);
        javafx.scene.Scene scene = new javafx.scene.Scene(content);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F3) {
                if (e.isShiftDown()) {
                    previousHit();
                } else {
                    nextHit();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.F && e.isShortcutDown()) {
                // the window has no menus: the keys of the main window's that belong to the record work here too
                focusSearch();
                e.consume();
            } else if (e.getCode() == KeyCode.F11) {
                stage.setFullScreen(!stage.isFullScreen());
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            if (!stage.isFullScreen()) {
                org.reviewdesk.ui.WindowPlaces.remember(stage, "recordWindow");
            }
            content.setCenter(null);
            viewerHolder.getChildren().setAll(viewer);
            viewerWindow = null;
        });
        return stage;
    }

    /** Closes the viewer's own window, if open (the case is closing). */
    public void closeViewerWindow() {
        if (viewerWindow != null) {
            viewerWindow.close();
        }
    }

    /** A finalized case: its record can be read and searched, not changed. */
    /** Whether the case is finalized (its record, excerpts and chronology show but do not change). */
    boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean locked) {
        readOnly = locked;
        add.setDisable(locked);
        viewer.setReadOnly(locked);
        chronology.setLocked(locked);
        excerptList.refresh();
        add.setTooltip(new javafx.scene.control.Tooltip(locked ? "The case is finalized: its record cannot change. "
                + "Amend the case to add files." : "Add record files: PDF, text, images (Ctrl+O); or drop them here"));
    }

    void openExcerpt(Evidence e) {
        if (e == null) {
            return;
        }
        documents.stream().filter(d -> d.document().id().equals(e.documentId())).findFirst()
                .ifPresent(d -> {
                    viewer.openAndSelect(d, e.page(), e.quote());
                    documentList.getSelectionModel().select(d);
                });
    }

    /** Insert the sentence citing an excerpt into the summary or an item's rationale. */
    void insert(Evidence e, int item) {
        // cites the document of the chronology the page belongs to (issue 11), else the file's details
        Background.run(() -> records.citation(caseNumber, e), sentence -> {
            if (item < 0) {
                target.insertIntoSummary(sentence);
            } else {
                target.insertIntoRationale(item, sentence);
            }
        }, t -> Dialogs.error(window(), "The excerpt could not be cited", t));
    }

    void removeExcerpt(Evidence e) {
        int index = excerpts.indexOf(e);
        // evidence the letter may cite: one click took it away, with no way back
        String quote = e.quote().replaceAll("\\s+", " ");
        if (!Dialogs.confirm(window(), "Remove this excerpt?", "\u201c" + (quote.length() > 160
                ? quote.substring(0, 157) + "\u2026" : quote) + "\u201d (" + title(e.documentId()) + ", page "
                + e.page() + ") is removed from the case's evidence. A sentence already inserted into the letter "
                + "stays.", "Remove")) {
            return;
        }
        Background.run(() -> {
            records.deleteExcerpt(caseNumber, index);
            return null;
        }, x -> refresh(null), t -> Dialogs.error(window(), "The excerpt could not be removed", t));
    }

    List<String> itemNames() {
        return target.itemNames();
    }

    String title(String documentId) {
        return documents.stream().filter(d -> d.document().id().equals(documentId)).findFirst()
                .map(d -> d.document().title() == null ? d.document().file() : d.document().title())
                .orElse(documentId);
    }

    private void addExcerpt(StoredDocument d, int page, String quote, double[] region) {
        new ExcerptDialog(window(), title(d.document().id()), page, quote, target.itemNames()).showAndWait()
                .ifPresent(r -> Background.run(() -> {
                    int position = records.addExcerpt(caseNumber, new Evidence(d.document().id(), page, quote,
                            r.note(), r.item()));
                    if (region != null) {
                        records.saveExcerptRegion(caseNumber, position, region[0], region[1], region[2], region[3]);
                    }
                    return position;
                }, i -> {
                            refresh(null);
                            org.reviewdesk.ui.Toasts.show(window(), "Excerpt kept: " + title(d.document().id())
                                    + ", page " + page + ".");
                            tabs.getSelectionModel().select(2);
                        }, t -> Dialogs.error(window(), "The excerpt could not be saved", t)));
    }

    /** Reloads the chronology and the duplicate pages (after an import and as OCR goes on). */
    private void refreshChronology() {
        Background.run(() -> new Object[] {records.chronology(caseNumber), records.duplicates(caseNumber)}, v -> {
            @SuppressWarnings("unchecked")
            List<RecordService.ChronologyEntry> c = (List<RecordService.ChronologyEntry>) v[0];
            @SuppressWarnings("unchecked")
            List<RecordService.DuplicatePage> d = (List<RecordService.DuplicatePage>) v[1];
            duplicatePages = d;
            chronology.set(c, d);
            showDuplicates.setText(d.isEmpty() ? "No duplicate pages" : "Show " + d.size()
                    + (d.size() == 1 ? " duplicate page" : " duplicate pages"));
            showDuplicates.setDisable(d.isEmpty());
            hideDuplicatesOf(viewer.currentDocumentId());
        }, t -> { });
    }

    private void hideDuplicatesOf(String documentId) {
        viewer.hidePages(showDuplicates.isSelected() || documentId == null ? java.util.Set.of()
                : duplicatePages.stream().filter(x -> x.documentId().equals(documentId))
                        .map(RecordService.DuplicatePage::page).collect(java.util.stream.Collectors.toSet()));
    }

    private long ocrPagesSeen;

    private void ocrPageRead(String documentId, int page) {
        if (documentId.equals(viewer.currentDocumentId()) && page == viewer.currentPage()) {
            viewer.reload();
        }
        // the chronology and duplicates change as pages are read: refresh now and then, not on every page
        if (page == 0 || ++ocrPagesSeen % 10 == 0) {
            refreshChronology();
        }
    }

    /** The chronology's actions: open, merge, split, correct, compare duplicates. */
    private final class ChronologyActions implements ChronologyView.Actions {
        @Override
        public void open(RecordService.ChronologyEntry e) {
            documents.stream().filter(d -> d.document().id().equals(e.documentId())).findFirst().ifPresent(d -> {
                documentList.getSelectionModel().select(d);
                viewer.open(d, e.firstPage(), searchField.getText());
                hideDuplicatesOf(e.documentId());
            });
        }

        @Override
        public void merge(RecordService.ChronologyEntry e) {
            Background.run(() -> {
                records.mergeWithNext(caseNumber, e);
                return null;
            }, x -> refreshChronology(), t -> Dialogs.error(window(), "The documents could not be merged", t));
        }

        @Override
        public void splitAtShownPage(RecordService.ChronologyEntry e) {
            int p = viewer.currentPage();
            if (!e.documentId().equals(viewer.currentDocumentId()) || p <= e.firstPage() || p > e.lastPage()) {
                Dialogs.error(window(), "The document could not be split", new IllegalArgumentException(
                        "Open the page where the new document starts (after its first page), then choose Split."));
                return;
            }
            Background.run(() -> {
                records.splitAt(caseNumber, e, p);
                return null;
            }, x -> refreshChronology(), t -> Dialogs.error(window(), "The document could not be split", t));
        }

        @Override
        public void correct(RecordService.ChronologyEntry e) {
            var d = new org.reviewdesk.domain.RecordDocument(e.documentId(), e.title(), e.kind(), e.date(),
                    e.author(), e.fileTitle(), null);
            new DocumentDetailsDialog(window(), d).showAndWait().ifPresent(edited -> Background.run(() -> {
                records.correctEntry(caseNumber, e, edited.kind(), edited.date(), edited.author(), edited.title());
                return null;
            }, x -> refreshChronology(), t -> Dialogs.error(window(), "The correction could not be saved", t)));
        }

        @Override
        public void compareDuplicates(RecordService.ChronologyEntry e) {
            List<RecordService.DuplicatePage> in = duplicatePages.stream().filter(d -> d.documentId()
                    .equals(e.documentId()) && d.page() >= e.firstPage() && d.page() <= e.lastPage()).toList();
            new DuplicateCompareDialog(window(), records, caseNumber, in.isEmpty() ? duplicatePages : in).show();
        }
    }

    /** A document in the list: date, kind, pages, title, author. */
    private static final class DocumentCell extends WrappingCell<StoredDocument> {

        @Override
        protected void updateItem(StoredDocument s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            var d = s.document();
            String date = d.date() == null ? "undated" : DATE.format(d.date());
            String kind = d.kind() == null ? "Document" : d.kind().label();
            String pages = s.pageCount() == null ? "" : " · " + s.pageCount() + (s.pageCount() == 1 ? " page" : " pages");
            Label first = new Label(date + " · " + kind + pages);
            first.getStyleClass().add("text-bold");
            Label second = new Label((d.title() == null ? d.file() : d.title())
                    + (d.author() == null ? "" : " — " + d.author()));
            // wrapped at the width the list gives the cell (less a vertical scroll bar once there is one), see
            // WrappingCell: wrapped at the list's own width, the labels grew taller than their cells and ran
            // into the next ones
            for (Label l : List.of(first, second)) {
                l.setWrapText(true);
                l.setMaxWidth(Double.MAX_VALUE);
                l.setMinHeight(Label.USE_PREF_SIZE);
            }
            setText(null);
            setGraphic(new VBox(1, first, second));
        }

    }

    /**
     * An empty list's message, wrapped within the list's width: the record's lists are narrow, and a wrapping
     * Label placeholder was laid out one line high and cut off ("No record documents yet: d…").
     */
    static javafx.scene.Node placeholder(javafx.scene.control.Control list, String message) {
        Text t = new Text(message);
        t.getStyleClass().add("text-muted");
        t.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        t.wrappingWidthProperty().bind(javafx.beans.binding.Bindings.max(60, list.widthProperty().subtract(24)));
        // the text follows the list's width; it must not hold the list at that width (a min width of its own)
        StackPane box = new StackPane(t);
        box.setMinWidth(0);
        box.setPrefWidth(0);
        return box;
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.setFont(javafx.scene.text.Font.font(13 * org.reviewdesk.ui.Appearance.scale()));
        t.getStyleClass().add("hit-text");
        return t;
    }

    /** A search hit: where, and the snippet with the matched words marked. */
    private final class HitCell extends WrappingCell<SearchHit> {

        @Override
        protected void updateItem(SearchHit h, boolean empty) {
            super.updateItem(h, empty);
            if (empty || h == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            // explicit fonts: the cell's height is measured before styles apply
            Text where = new Text(title(h.documentId()) + ", page " + h.page() + "\n");
            where.getStyleClass().add("hit-where");
            where.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD,
                    13 * org.reviewdesk.ui.Appearance.scale()));
            TextFlow flow = new TextFlow(where);
            int at = 0;
            for (int[] m : h.snippetMarks()) {
                flow.getChildren().add(plain(h.snippet().substring(at, m[0])));
                Text mark = new Text(h.snippet().substring(m[0], m[1]));
                mark.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD,
                        13 * org.reviewdesk.ui.Appearance.scale()));
                mark.getStyleClass().add("hit-mark");
                flow.getChildren().add(mark);
                at = m[1];
            }
            flow.getChildren().add(plain(h.snippet().substring(at)));
            setGraphic(flow);
            setText(null);
        }

    }
}
