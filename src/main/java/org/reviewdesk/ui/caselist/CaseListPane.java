package org.reviewdesk.ui.caselist;

import java.io.File;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.service.CaseLibrary;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;

/** The case list: number, status, priority, due date and progress; Enter or double-click opens. */
public final class CaseListPane extends BorderPane {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private final CaseLibrary cases;
    private final org.reviewdesk.service.SearchService search;
    private final Consumer<String> open;
    private final java.util.function.BiConsumer<String, String> openWithSearch;
    private final TextField searchAll = new TextField();
    private final javafx.scene.control.ListView<org.reviewdesk.service.SearchService.SearchHit> hits =
            new javafx.scene.control.ListView<>();
    private final TableView<CaseSummary> table = new TableView<>();
    private final javafx.collections.ObservableList<CaseSummary> rows = FXCollections.observableArrayList();
    private final TextField filter = new TextField();
    private final Label count = new Label();
    private javafx.scene.control.SplitPane split;
    private org.reviewdesk.service.ArchiveService archives;
    private org.reviewdesk.service.LetterService letters;

    public CaseListPane(CaseLibrary cases, org.reviewdesk.service.SearchService search, Consumer<String> open,
                        java.util.function.BiConsumer<String, String> openWithSearch) {
        this.cases = cases;
        this.search = search;
        this.open = open;
        this.openWithSearch = openWithSearch;
        setId("caseListPane");
        build();
    }

    private void build() {
        table.setId("caseTable");
        table.getColumns().add(column("Case number", 180, s -> s.caseNumber()));
        table.getColumns().add(column("Status", 130, s -> s.status().label()));
        table.getColumns().add(column("Priority", 110, s -> s.priority().label()));
        TableColumn<CaseSummary, LocalDate> due = new TableColumn<>("Due date");
        due.setPrefWidth(130);
        due.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().dueDate()));
        due.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDate d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? (empty ? null : "—") : DATE.format(d));
                boolean open = !empty && d != null && getTableRow() != null && getTableRow().getItem() != null
                        && !getTableRow().getItem().status().locked();
                boolean overdue = open && d.isBefore(LocalDate.now());
                boolean soon = open && !overdue && !d.isAfter(LocalDate.now().plusDays(2));
                setText(empty || d == null ? getText() : DATE.format(d) + (overdue ? "  overdue" : soon ? "  due soon" : ""));
                setStyle(overdue ? "-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;"
                        : soon ? "-fx-text-fill: -color-warning-fg; -fx-font-weight: bold;" : "");
            }
        });
        table.getColumns().add(due);
        table.getColumns().add(column("Items decided", 130, CaseSummary::progress));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No cases yet. Import a case file or packet (Ctrl+I)."));
        table.setRowFactory(tv -> {
            TableRow<CaseSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().caseNumber());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        var filtered = new javafx.collections.transformation.FilteredList<>(rows, s -> true);
        filter.textProperty().addListener((o, a, b) -> {
            filtered.setPredicate(
                    s -> b == null || b.isBlank() || s.caseNumber().toLowerCase().contains(b.trim().toLowerCase()));
            // the case typed is the one Enter opens: the first that matches is selected (none was, and Open was off)
            if (table.getSelectionModel().getSelectedItem() == null && !table.getItems().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
            showCount();
        });
        // a click on a column's title sorts by it (the filtered list cannot be sorted itself: the click did nothing)
        var sorted = new javafx.collections.transformation.SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        filter.setPromptText("Filter by case number");
        filter.setId("caseFilter");
        // type a case number, Enter opens it; Down goes on into the list
        filter.setOnAction(e -> openSelected());
        filter.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                if (table.getSelectionModel().getSelectedItem() == null) {
                    table.getSelectionModel().selectFirst();
                }
                table.requestFocus();
                e.consume();
            }
        });
        Button openButton = new Button("Open");
        openButton.setId("openCaseButton");
        openButton.setOnAction(e -> openSelected());
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button importButton = new Button("Import…");
        importButton.setId("importButton");
        importButton.setOnAction(e -> importCase());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Pane spacer = new Pane();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        searchAll.setId("searchAllCases");
        searchAll.setPromptText("Search the records of all cases");
        searchAll.setPrefColumnCount(24);
        searchAll.setOnAction(e -> searchAllCases());
        ToolBar bar = new ToolBar(openButton, importButton, refresh, spacer, count, filter, searchAll);
        setTop(bar);
        hits.setId("allCasesHits");
        hits.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(org.reviewdesk.service.SearchService.SearchHit h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.caseNumber() + " · " + h.documentTitle() + ", page " + h.page()
                        + "\n" + h.snippet());
            }
        });
        hits.setOnMouseClicked(e -> {
            var h = hits.getSelectionModel().getSelectedItem();
            if (h != null && e.getClickCount() == 2) {
                openWithSearch.accept(h.caseNumber(), searchAll.getText());
            }
        });
        hits.setPlaceholder(new Label("No hits."));
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(table);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        this.split = split;
        setCenter(split);
        setPadding(new Insets(0));
    }

    private static TableColumn<CaseSummary, String> column(String title, double width,
                                                           java.util.function.Function<CaseSummary, String> value) {
        TableColumn<CaseSummary, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private void openSelected() {
        CaseSummary s = table.getSelectionModel().getSelectedItem();
        if (s != null) {
            open.accept(s.caseNumber());
        }
    }

    /**
     * Puts the keyboard focus on the list of cases. Right after unlocking, the list's tab may not be laid out yet (its
     * content joins the scene in the next pulse): the focus then waits for it, or the scene's first control (the tab
     * header) kept it and Enter did not open the selected case.
     */
    public void focusList() {
        org.reviewdesk.ui.Focus.request(table);
    }

    /** "21 cases", or "1 of 21 cases" while the filter hides some. */
    private void showCount() {
        int all = rows.size();
        int shown = table.getItems().size();
        String cases = all == 1 ? "1 case" : all + " cases";
        count.setText(shown == all ? cases : shown + " of " + cases);
    }

    /** Puts the keyboard focus on the case-number filter, its text selected (Ctrl+F on the case list). */
    public void focusFilter() {
        org.reviewdesk.ui.Focus.request(filter);
        filter.selectAll();
    }

    public void refresh() {
        Background.run(cases::list, list -> {
            String selected = table.getSelectionModel().getSelectedItem() == null ? null
                    : table.getSelectionModel().getSelectedItem().caseNumber();
            rows.setAll(list);
            showCount();
            if (selected != null) {
                table.getItems().stream().filter(s -> s.caseNumber().equals(selected)).findFirst()
                        .ifPresent(s -> table.getSelectionModel().select(s));
            } else if (!table.getItems().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        }, t -> Dialogs.error(getScene().getWindow(), "The cases could not be listed", t));
    }

    private void searchAllCases() {
        String q = searchAll.getText();
        if (q == null || q.isBlank()) {
            split.getItems().remove(hits);
            return;
        }
        Background.run(() -> search.search(q, null, 200), found -> {
            hits.getItems().setAll(found);
            if (!split.getItems().contains(hits)) {
                split.getItems().add(hits);
                split.setDividerPositions(0.55);
            }
        }, t -> Dialogs.error(getScene().getWindow(), "The search failed", t));
    }

    /** Lets the list import archive bundles too (signature, manifest and signer trust checked). */
    public void bundles(org.reviewdesk.service.ArchiveService archives, org.reviewdesk.service.LetterService letters) {
        this.archives = archives;
        this.letters = letters;
    }

    /** Asks for a case file or packet and imports it, asking before replacing a case. */
    public void importCase() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a case file or packet");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Case files, packets and archive bundles", "*.json", "*.zip"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = org.reviewdesk.ui.FilePicks.open(chooser, getScene().getWindow());
        if (f != null) {
            importPath(f.toPath());
        }
    }

    private Consumer<String> beforeReplace = n -> { };

    /**
     * Told the case number before an import replaces that case (after the reviewer said so): the window closes its
     * tab, whose edits and next autosave would otherwise go over the imported case.
     */
    public void beforeReplace(Consumer<String> c) {
        this.beforeReplace = c;
    }

    public void importPath(java.nio.file.Path path) {
        if (archives != null && archives.isBundle(path)) {
            new BundleImport(getScene().getWindow(), archives, letters, c -> {
                refresh();
                org.reviewdesk.ui.Toasts.show(getScene().getWindow(), "Case " + c.caseNumber()
                        + " imported from the archive bundle " + path.getFileName() + " (finalized, signed letter"
                        + " checked).");
                open.accept(c.caseNumber());
            }, beforeReplace).start(path);
            return;
        }
        Background.run(() -> {
            String number = cases.peekCaseNumber(path);
            return cases.contains(number) ? number : null;
        }, existing -> {
            boolean replace = false;
            if (existing != null) {
                replace = Dialogs.confirm(getScene().getWindow(), "Case " + existing + " is already in the store",
                        "Replace the stored case " + existing + " with the one in " + path.getFileName()
                                + "? The reviewer's work on the stored case will be lost.", "Replace");
                if (!replace) {
                    return;
                }
                beforeReplace.accept(existing);
            }
            boolean r = replace;
            Background.run(() -> cases.importPath(path, r), c -> {
                refresh();
                org.reviewdesk.ui.Toasts.show(getScene().getWindow(), "Case " + c.caseNumber() + " imported from "
                        + path.getFileName() + (r ? " (replacing the stored case)" : "") + ".");
                open.accept(c.caseNumber());
            }, t -> Dialogs.error(getScene().getWindow(), "The case could not be imported", t));
        }, t -> Dialogs.error(getScene().getWindow(), "The case could not be imported", t));
    }
}
