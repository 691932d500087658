package org.reviewdesk.ui.record;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.RecordService.ChronologyEntry;

/**
 * The record as a chronology: every document found in the case's files (a packet split at its documents),
 * oldest first, with date, kind, author and pages, and how many of its pages repeat others. The reviewer can
 * merge a document with the next, split it at the page shown, and correct its title, kind, date and author.
 */
final class ChronologyView extends ListView<ChronologyEntry> {
    /** What the menu asks the record pane to do. */
    interface Actions {
        void open(ChronologyEntry e);

        void merge(ChronologyEntry e);

        void splitAtShownPage(ChronologyEntry e);

        void correct(ChronologyEntry e);

        void compareDuplicates(ChronologyEntry e);
    }

    private final ObservableList<ChronologyEntry> entries = FXCollections.observableArrayList();
    private List<RecordService.DuplicatePage> duplicates = List.of();
    private final javafx.beans.property.BooleanProperty noDuplicates =
            new javafx.beans.property.SimpleBooleanProperty(true);

    ChronologyView(Actions actions) {
        setItems(entries);
        setId("chronologyList");
        // wrapped within the narrow column (a Label was cut off: "No record docu…")
        setPlaceholder(RecordPane.placeholder(this, "No record documents yet."));
        setCellFactory(lv -> new Cell());
        widthProperty().addListener((o, a, b) -> refresh());
        Consumer<Consumer<ChronologyEntry>> withSelected = a -> {
            ChronologyEntry e = getSelectionModel().getSelectedItem();
            if (e != null) {
                a.accept(e);
            }
        };
        setOnMouseClicked(e -> withSelected.accept(actions::open));
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                withSelected.accept(actions::open);
            }
        });
        MenuItem merge = new MenuItem("Merge with the next document");
        merge.setOnAction(e -> withSelected.accept(actions::merge));
        MenuItem split = new MenuItem("Split here: a new document starts at the page shown");
        split.setOnAction(e -> withSelected.accept(actions::splitAtShownPage));
        MenuItem correct = new MenuItem("Correct title, kind, date, author…");
        correct.setOnAction(e -> withSelected.accept(actions::correct));
        MenuItem compare = new MenuItem("Compare duplicate pages…");
        compare.setOnAction(e -> withSelected.accept(actions::compareDuplicates));
        compare.disableProperty().bind(noDuplicates);
        // a finalized case: its chronology is part of what was signed (excerpts cite by it); it shows, not changes
        for (MenuItem m : List.of(correct, merge, split)) {
            m.disableProperty().bind(locked);
        }
        setContextMenu(new ContextMenu(correct, merge, split, compare));
        // the same actions as buttons under the list, on the selected document (found without a right click)
        javafx.scene.control.Button correctButton = org.reviewdesk.ui.Icons.button("mdi2p-pencil-outline",
                "Correct the selected document's title, kind, date, author");
        correctButton.setId("chronologyCorrect");
        correctButton.setOnAction(e -> withSelected.accept(actions::correct));
        javafx.scene.control.Button mergeButton = org.reviewdesk.ui.Icons.button("mdi2c-call-merge",
                "Merge the selected document with the next document of its file");
        mergeButton.setId("chronologyMerge");
        mergeButton.setOnAction(e -> withSelected.accept(actions::merge));
        javafx.scene.control.Button splitButton = org.reviewdesk.ui.Icons.button("mdi2c-call-split",
                "Split the selected document: a new document starts at the page shown");
        splitButton.setId("chronologySplit");
        splitButton.setOnAction(e -> withSelected.accept(actions::splitAtShownPage));
        javafx.scene.control.Button compareButton = org.reviewdesk.ui.Icons.button("mdi2c-compare",
                "Compare the selected document's duplicate pages with the pages they repeat");
        compareButton.setId("chronologyCompare");
        compareButton.setOnAction(e -> withSelected.accept(actions::compareDuplicates));
        for (javafx.scene.control.Button b : List.of(correctButton, mergeButton, splitButton, compareButton)) {
            b.disableProperty().bind(getSelectionModel().selectedItemProperty().isNull().or(locked));
            // compact: the four fit on one row of the record pane's narrow column at 1280 wide
            b.setStyle("-fx-padding: 5px;");
        }
        // nothing to compare in a record without duplicate pages (the dialog would open empty)
        compareButton.disableProperty().unbind();
        compareButton.disableProperty().bind(getSelectionModel().selectedItemProperty().isNull().or(noDuplicates));
        actionBar = new javafx.scene.layout.FlowPane(4, 4, correctButton, mergeButton, splitButton, compareButton);
        actionBar.setId("chronologyActions");
    }

    private final javafx.scene.layout.FlowPane actionBar;
    private final javafx.beans.property.BooleanProperty locked = new javafx.beans.property.SimpleBooleanProperty();

    /** A finalized case: correct, merge and split are off (compare still shows the duplicates). */
    void setLocked(boolean value) {
        locked.set(value);
    }

    /** The buttons for the selected document (correct, merge, split, compare), for the pane to place. */
    javafx.scene.layout.FlowPane actionBar() {
        return actionBar;
    }

    void set(List<ChronologyEntry> list, List<RecordService.DuplicatePage> dups) {
        duplicates = dups;
        noDuplicates.set(dups.isEmpty());
        // the selected document stays selected when the list is read again (OCR, a correction elsewhere)
        ChronologyEntry selected = getSelectionModel().getSelectedItem();
        entries.setAll(list);
        if (selected != null) {
            list.stream().filter(e -> e.documentId().equals(selected.documentId())
                    && e.firstPage() == selected.firstPage()).findFirst()
                    .ifPresent(e -> getSelectionModel().select(e));
        }
    }

    long duplicatesIn(ChronologyEntry e) {
        return duplicates.stream().filter(d -> d.documentId().equals(e.documentId()) && d.page() >= e.firstPage()
                && d.page() <= e.lastPage()).count();
    }

    private final class Cell extends ListCell<ChronologyEntry> {
        Cell() {
            // wraps within the list's width instead of running off under a scroll bar
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ChronologyEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String date = e.date() == null ? "undated" : RecordPane.DATE.format(e.date());
            String kind = e.kind() == null ? "Document" : e.kind().label();
            String pages = e.firstPage() == e.lastPage() ? "p. " + e.firstPage()
                    : "pp. " + e.firstPage() + "–" + e.lastPage();
            long dups = duplicatesIn(e);
            // two labels wrapped within the list's width (the column is narrow): nothing cut off
            javafx.scene.control.Label first = new javafx.scene.control.Label(date + " · " + kind
                    + (e.author() == null ? "" : " · " + e.author()));
            first.getStyleClass().add("text-bold");
            javafx.scene.control.Label second = new javafx.scene.control.Label(e.fileTitle() + ", " + pages
                    + (dups == 0 ? "" : " · " + dups + (dups == 1 ? " duplicate page hidden"
                    : " duplicate pages hidden")) + (e.corrected() ? " · corrected" : ""));
            double w = Math.max(120, getListView().getWidth() - 28);
            for (javafx.scene.control.Label l : List.of(first, second)) {
                l.setWrapText(true);
                l.setPrefWidth(w);
                l.setMaxWidth(w);
                l.setMinHeight(javafx.scene.control.Label.USE_PREF_SIZE);
            }
            setText(null);
            setGraphic(new javafx.scene.layout.VBox(1, first, second));
        }
    }
}
